package dev.magnetar.server.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.ClusterTemplateBuilder;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.input.FieldReader;
import dev.magnetar.server.api.input.InetAddresses;

import java.util.List;
import java.util.Set;

/** Cluster template and baymodel bodies: parsing requests and rendering views (Magnum's fields). */
public final class TemplateJson {

    public static final List<String> COES = List.of("kubernetes", "swarm", "swarm-mode", "mesos", "dcos");
    public static final List<String> SERVER_TYPES = List.of("vm", "bm");

    public static final Set<String> CREATE_FIELDS = Set.of("uuid", "name", "coe", "image_id", "keypair_id", "flavor_id",
            "master_flavor_id", "external_network_id", "fixed_network", "fixed_subnet", "dns_nameserver",
            "network_driver", "volume_driver", "apiserver_port", "docker_volume_size", "docker_storage_driver",
            "http_proxy", "https_proxy", "no_proxy", "registry_enabled", "labels", "tls_disabled", "public",
            "server_type", "insecure_registry", "master_lb_enabled", "floating_ip_enabled", "hidden", "tags");

    /** What a create may carry besides the editable fields: the server sets it from the image. */
    private static final Set<String> CREATE_ONLY_FIELDS = union(CREATE_FIELDS, Set.of("cluster_distro"));

    public static final Set<String> INTERNAL_PATHS = Set.of("/created_at", "/id", "/links", "/updated_at", "/uuid",
            "/project_id", "/user_id", "/driver");

    private TemplateJson() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    public static Set<String> mandatoryPaths(TemplateKind kind) {
        Set<String> paths = new java.util.HashSet<>(Set.of("/coe", "/image_id", "/network_driver",
                "/external_network_id", "/tls_disabled", "/public", "/server_type", "/registry_enabled",
                "/cluster_distro", "/hidden"));
        if (kind.keypairMandatory()) {
            paths.add("/keypair_id");
        }
        return paths;
    }

    /**
     * A create request, checked for types, lengths, enums and mandatory fields. {@code cluster_distro}
     * is accepted as Magnum accepts it (its clients send it, often null) and then set from the image's
     * {@code os_distro}, whatever was given.
     */
    public static ClusterTemplate parseCreate(JsonNode body, TemplateKind kind) {
        FieldReader in = FieldReader.of(body, kind.argument(), CREATE_ONLY_FIELDS);
        in.string("cluster_distro", 255);
        String uuid = in.string("uuid", 36);
        if (uuid != null && !dev.magnetar.core.service.Identifiers.looksLikeUuid(uuid)) {
            throw FieldReader.invalid("uuid", uuid, "Value should be a UUID");
        }
        ClusterTemplateBuilder b = fields(in, ClusterTemplate.builder(), kind)
                .createdAt(null)
                .uuid(uuid == null ? dev.magnetar.core.service.Identifiers.newUuid()
                        : dev.magnetar.core.service.Identifiers.canonicalUuid(uuid));
        return b.build();
    }

    /** The template after a JSON patch: the patched view read back onto the current template. */
    public static ClusterTemplate parsePatched(ObjectNode patched, ClusterTemplate current, TemplateKind kind) {
        ObjectNode editable = patched.deepCopy();
        INTERNAL_PATHS.forEach(p -> editable.remove(p.substring(1)));
        editable.remove("cluster_distro");
        FieldReader in = FieldReader.of(editable, kind.argument(), CREATE_FIELDS);
        return fields(in, current.toBuilder(), kind).build();
    }

    private static ClusterTemplateBuilder fields(FieldReader in, ClusterTemplateBuilder b, TemplateKind kind) {
        String coe = in.oneOf("coe", COES);
        if (coe == null) {
            throw FieldReader.missing("coe");
        }
        String image = in.mandatoryString("image_id", 255);
        String keypair = kind.keypairMandatory() ? in.mandatoryString("keypair_id", 255) : in.string("keypair_id", 255);
        String serverType = in.oneOf("server_type", SERVER_TYPES);
        return b.name(in.string("name", 255))
                .coe(coe)
                .imageId(image)
                .keypairId(keypair)
                .flavorId(in.string("flavor_id", 255))
                .masterFlavorId(in.string("master_flavor_id", 255))
                .externalNetworkId(in.string("external_network_id", 255))
                .fixedNetwork(in.string("fixed_network", 255))
                .fixedSubnet(in.string("fixed_subnet", 255))
                .dnsNameserver(dnsList(in.string("dns_nameserver", 255)))
                .networkDriver(in.string("network_driver", 255))
                .volumeDriver(in.string("volume_driver", 255))
                .apiserverPort(in.integer("apiserver_port", 1024, 65535))
                .dockerVolumeSize(in.integer("docker_volume_size", 1, Integer.MAX_VALUE))
                .dockerStorageDriver(in.string("docker_storage_driver", 255))
                .httpProxy(in.string("http_proxy", 255))
                .httpsProxy(in.string("https_proxy", 255))
                .noProxy(in.string("no_proxy", 255))
                .registryEnabled(in.bool("registry_enabled", false))
                .labels(orEmpty(in.labels("labels")))
                .tlsDisabled(in.bool("tls_disabled", false))
                .isPublic(in.bool("public", false))
                .serverType(serverType == null ? "vm" : serverType)
                .insecureRegistry(in.string("insecure_registry", 255))
                .masterLbEnabled(in.bool("master_lb_enabled", false))
                .floatingIpEnabled(in.bool("floating_ip_enabled", true))
                .hidden(in.bool("hidden", false))
                .tags(in.string("tags", 255));
    }

    /** {@code dns_nameserver}: a comma-separated list of IP addresses (Magnum 9.0+). */
    private static String dnsList(String value) {
        if (value == null) {
            return null;
        }
        for (String address : value.split(",")) {
            if (!InetAddresses.isIpLiteral(address.trim())) {
                throw FieldReader.invalid("dns_nameserver", value,
                        "Value should be a comma-separated list of IP addresses");
            }
        }
        return value;
    }

    private static java.util.Map<String, String> orEmpty(java.util.Map<String, String> labels) {
        return labels == null ? java.util.Map.of() : labels;
    }

    /** The full view; templates are always returned in full. */
    public static ObjectNode view(ClusterTemplate t, TemplateKind kind, String baseUrl, ClusterDriver driver) {
        return TemplateView.of(t, kind, baseUrl, driver);
    }
}
