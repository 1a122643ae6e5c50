package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Heat parameters every driver's stack takes from Magnum's template and cluster fields alike
 * (image, flavors, key pair, networks, Docker volume), with the cluster's own value winning over
 * the template's; and the one way rendered files travel: base64, whose alphabet cannot break out
 * of the quoted script word Heat substitutes it into.
 */
public final class StackParameters {

    /** The resolver used when the template names none, as Magnum does. */
    public static final String DEFAULT_NAMESERVER = "8.8.8.8";

    private StackParameters() {
    }

    /**
     * Puts {@code server_image}, {@code master_flavor}, {@code agent_flavor}, {@code ssh_key_name},
     * {@code external_network}, {@code fixed_network} and {@code fixed_subnet}, in that order.
     */
    public static void putServersAndNetworks(Map<String, Object> parameters, ClusterTemplate template,
                                             Cluster cluster) {
        parameters.put("server_image", template.imageId());
        parameters.put("master_flavor", firstSet(cluster.spec().masterFlavorId(), template.masterFlavorId(),
                template.flavorId()));
        parameters.put("agent_flavor", firstSet(cluster.spec().flavorId(), template.flavorId()));
        parameters.put("ssh_key_name", firstSet(cluster.spec().keypair(), template.keypairId()));
        parameters.put("external_network", template.externalNetworkId());
        parameters.put("fixed_network", firstSet(cluster.spec().fixedNetwork(), template.fixedNetwork(), ""));
        parameters.put("fixed_subnet", firstSet(cluster.spec().fixedSubnet(), template.fixedSubnet(), ""));
    }

    /** The Docker volume in GB, the cluster's over the template's; 0 for none. */
    public static int dockerVolumeSize(ClusterTemplate template, Cluster cluster) {
        Integer volume = cluster.spec().dockerVolumeSize() != null ? cluster.spec().dockerVolumeSize() : template.dockerVolumeSize();
        return volume == null ? 0 : volume;
    }

    /** The template's comma-separated {@code dns_nameserver}, trimmed; {@value #DEFAULT_NAMESERVER} when unset. */
    public static List<String> nameservers(ClusterTemplate template) {
        String dns = template.dnsNameserver();
        if (dns == null || dns.isBlank()) {
            return List.of(DEFAULT_NAMESERVER);
        }
        return Arrays.stream(dns.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return values[values.length - 1];
    }
}
