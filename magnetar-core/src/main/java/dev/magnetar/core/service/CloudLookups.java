package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The cloud look-ups of one request, each made at most once: a template update that is applied
 * again after losing a race to another writer validates the re-applied result without asking Glance,
 * Nova or Neutron again about names they already answered for. Only answers that passed are kept; a
 * failed look-up throws as {@link CloudResources} does. Not shared between requests or threads.
 */
final class CloudLookups {

    private final CloudResources cloud;
    private final RequestContext context;
    private final Map<String, String> osDistros = new HashMap<>();
    private final Set<String> flavors = new HashSet<>();
    private final Set<String> externalNetworks = new HashSet<>();

    CloudLookups(CloudResources cloud, RequestContext context) {
        this.cloud = cloud;
        this.context = context;
    }

    /** Whether every cloud resource {@code template} names was looked up by this request and passed. */
    boolean answered(dev.magnetar.core.model.ClusterTemplate template) {
        return osDistros.containsKey(template.imageId())
                && (template.flavorId() == null || flavors.contains(template.flavorId()))
                && (template.masterFlavorId() == null || flavors.contains(template.masterFlavorId()))
                && (template.externalNetworkId() == null || externalNetworks.contains(template.externalNetworkId()));
    }

    String osDistroOf(String image) {
        String known = osDistros.get(image);
        if (known == null) {
            known = cloud.osDistroOf(context, image);
            osDistros.put(image, known);
        }
        return known;
    }

    void requireFlavor(String flavor) {
        if (flavor != null && !flavors.contains(flavor)) {
            cloud.requireFlavor(context, flavor);
            flavors.add(flavor);
        }
    }

    void requireExternalNetwork(String network) {
        if (network != null && !externalNetworks.contains(network)) {
            cloud.requireExternalNetwork(context, network);
            externalNetworks.add(network);
        }
    }
}
