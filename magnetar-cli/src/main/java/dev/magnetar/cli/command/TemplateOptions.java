package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.input.Labels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The options {@code baymodel-create} and {@code cluster-template-create} share, with the Magnum
 * client's names, aliases and defaults. Both spellings of the aliased options ({@code --image-id} and
 * {@code --image}, ...) are accepted by both commands.
 */
public final class TemplateOptions {

    @Option(names = "--name", paramLabel = "<name>", description = "Name of the template.")
    String name;

    @Option(names = "--coe", required = true, paramLabel = "<coe>", description = "Container orchestration engine, e.g. dcos or mesos.")
    String coe;

    @Option(names = {"--image-id", "--image"}, required = true, paramLabel = "<image>", description = "Glance image name or uuid.")
    String image;

    @Option(names = {"--keypair-id", "--keypair"}, paramLabel = "<keypair>", description = "Nova keypair name or id.")
    String keypair;

    @Option(names = {"--external-network-id", "--external-network"}, required = true, paramLabel = "<external-network>",
            description = "External Neutron network name or id for floating IPs.")
    String externalNetwork;

    @Option(names = "--fixed-network", paramLabel = "<fixed-network>", description = "Private Neutron network name or id.")
    String fixedNetwork;

    @Option(names = "--fixed-subnet", paramLabel = "<fixed-subnet>", description = "Private Neutron subnet name or id.")
    String fixedSubnet;

    @Option(names = "--network-driver", paramLabel = "<network-driver>", description = "The network driver.")
    String networkDriver;

    @Option(names = "--volume-driver", paramLabel = "<volume-driver>", description = "The volume driver.")
    String volumeDriver;

    @Option(names = "--dns-nameserver", paramLabel = "<dns-nameserver>", defaultValue = "8.8.8.8",
            description = "DNS nameserver for the cluster (default: ${DEFAULT-VALUE}).")
    String dnsNameserver;

    @Option(names = {"--flavor-id", "--flavor"}, paramLabel = "<flavor>", defaultValue = "m1.medium",
            description = "Nova flavor for the nodes (default: ${DEFAULT-VALUE}).")
    String flavor;

    @Option(names = {"--master-flavor-id", "--master-flavor"}, paramLabel = "<master-flavor>",
            description = "Nova flavor for the masters.")
    String masterFlavor;

    @Option(names = "--docker-volume-size", paramLabel = "<docker-volume-size>", description = "Docker volume size in GB.")
    Integer dockerVolumeSize;

    @Option(names = "--docker-storage-driver", paramLabel = "<docker-storage-driver>", defaultValue = "devicemapper",
            description = "Docker storage driver (default: ${DEFAULT-VALUE}).")
    String dockerStorageDriver;

    @Option(names = "--http-proxy", paramLabel = "<http-proxy>", description = "HTTP proxy for the nodes.")
    String httpProxy;

    @Option(names = "--https-proxy", paramLabel = "<https-proxy>", description = "HTTPS proxy for the nodes.")
    String httpsProxy;

    @Option(names = "--no-proxy", paramLabel = "<no-proxy>", description = "Hosts and networks that bypass the proxy.")
    String noProxy;

    @Option(names = "--labels", paramLabel = "<KEY1=VALUE1,KEY2=VALUE2;KEY3=VALUE3...>",
            description = "Driver labels; repeat the option or separate pairs with , or ;.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--tls-disabled", description = "Disable TLS for the cluster's API.")
    boolean tlsDisabled;

    @Option(names = "--public", description = "Make the template visible to every project (admin only).")
    boolean isPublic;

    @Option(names = "--registry-enabled", description = "Enable the docker registry in the cluster.")
    boolean registryEnabled;

    @Option(names = "--server-type", paramLabel = "<server-type>", defaultValue = "vm",
            description = "Server type: vm or bm (default: ${DEFAULT-VALUE}).")
    String serverType;

    @Option(names = "--master-lb-enabled", description = "Put a load balancer in front of the masters.")
    boolean masterLbEnabled;

    @ArgGroup(exclusive = true)
    FloatingIp floatingIp;

    /** {@code --floating-ip-enabled} and {@code --floating-ip-disabled} exclude each other. */
    static final class FloatingIp {
        @Option(names = "--floating-ip-enabled", description = "Give the nodes floating IPs.")
        boolean enabled;

        @Option(names = "--floating-ip-disabled", description = "Give the nodes no floating IPs.")
        boolean disabled;
    }

    /** The POST body's common fields; unset optional fields are left out, labels are always sent. */
    void writeTo(ObjectNode body, Labels labelParser) {
        putIfSet(body, "name", name);
        putIfSet(body, "flavor_id", flavor);
        putIfSet(body, "master_flavor_id", masterFlavor);
        putIfSet(body, "image_id", image);
        putIfSet(body, "keypair_id", keypair);
        putIfSet(body, "external_network_id", externalNetwork);
        putIfSet(body, "fixed_network", fixedNetwork);
        putIfSet(body, "fixed_subnet", fixedSubnet);
        putIfSet(body, "network_driver", networkDriver);
        putIfSet(body, "volume_driver", volumeDriver);
        putIfSet(body, "dns_nameserver", dnsNameserver);
        if (dockerVolumeSize != null) {
            body.put("docker_volume_size", dockerVolumeSize);
        }
        putIfSet(body, "docker_storage_driver", dockerStorageDriver);
        putIfSet(body, "coe", coe);
        putIfSet(body, "http_proxy", httpProxy);
        putIfSet(body, "https_proxy", httpsProxy);
        putIfSet(body, "no_proxy", noProxy);
        ObjectNode labelNode = body.putObject("labels");
        labelParser.parse(labels).forEach(labelNode::put);
        body.put("tls_disabled", tlsDisabled);
        body.put("public", isPublic);
        body.put("registry_enabled", registryEnabled);
        putIfSet(body, "server_type", serverType);
        body.put("master_lb_enabled", masterLbEnabled);
        if (floatingIp != null) {
            body.put("floating_ip_enabled", floatingIp.enabled);
        }
    }

    static void putIfSet(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
