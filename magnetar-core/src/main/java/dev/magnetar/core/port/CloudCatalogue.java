package dev.magnetar.core.port;

import dev.magnetar.core.context.RequestContext;

import java.util.List;

/**
 * The look-ups template and cluster validation needs (Glance, Nova, Neutron in production; a small
 * configurable catalogue in the simulated cloud). Each returns every match of a name or id, so the
 * caller can tell none (400/404) from one from several (409), as Magnum does.
 */
public interface CloudCatalogue {

    List<Image> images(RequestContext context, String nameOrId);

    List<Flavor> flavors(RequestContext context, String nameOrId);

    List<Keypair> keypairs(RequestContext context, String name);

    /** Networks with {@code router:external} true that match the name or id. */
    List<Network> externalNetworks(RequestContext context, String nameOrId);

    /** @param osDistro Glance's {@code os_distro} property, null when the image lacks it */
    record Image(String id, String name, String osDistro) {
    }

    record Flavor(String id, String name, int vcpus, int ramMb, int diskGb) {
    }

    record Keypair(String name) {
    }

    record Network(String id, String name) {
    }
}
