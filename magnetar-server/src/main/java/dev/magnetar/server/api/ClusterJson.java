package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.service.ClusterRequest;
import dev.magnetar.core.service.Identifiers;
import dev.magnetar.core.service.LabelSecrets;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Cluster and bay bodies: parsing create requests and rendering the list and full views. */
public final class ClusterJson {

    /** 242 characters leave room for Heat's 255-character stack names. */
    static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_.-]*$");
    static final int NAME_MAX = 242;

    static final Set<String> INTERNAL_PATHS = Set.of("/created_at", "/id", "/links", "/updated_at", "/uuid",
            "/project_id", "/user_id", "/api_address", "/node_addresses", "/master_addresses", "/stack_id",
            "/ca_cert_ref", "/magnum_cert_ref", "/trust_id", "/trustee_user_name", "/trustee_password",
            "/trustee_user_id");

    private ClusterJson() {
    }

    static Set<String> createFields(ClusterKind kind) {
        Set<String> fields = new HashSet<>(Set.of("name", "node_count", "master_count", "docker_volume_size",
                "discovery_url", "labels", kind.templateField(), kind.timeoutField()));
        if (kind == ClusterKind.CLUSTER) {
            fields.addAll(Set.of("keypair", "master_flavor_id", "flavor_id", "fixed_network", "fixed_subnet",
                    "floating_ip_enabled", "merge_labels", "master_lb_enabled"));
        }
        return fields;
    }

    static Set<String> mandatoryPaths(ClusterKind kind) {
        return Set.of("/" + kind.templateField());
    }

    public static ClusterRequest parseCreate(JsonNode body, ClusterKind kind, ApiVersion version) {
        FieldReader in = FieldReader.of(body, kind.argument(), createFields(kind));
        int minNodes = version.atLeast(ApiVersion.ZERO_NODES) ? 0 : 1;
        return ClusterRequest.builder()
                .name(in.matching("name", NAME_MAX, NAME))
                .clusterTemplateIdent(in.mandatoryString(kind.templateField(), 255))
                .keypair(in.string("keypair", 255))
                .nodeCount(in.integer("node_count", minNodes, 10_000))
                .masterCount(in.integer("master_count", 1, 99))
                .dockerVolumeSize(in.integer("docker_volume_size", 1, Integer.MAX_VALUE))
                .createTimeout(in.integer(kind.timeoutField(), 0, 100_000))
                .discoveryUrl(in.string("discovery_url", 255))
                .labels(in.labels("labels"))
                .mergeLabels(in.bool("merge_labels", false))
                .masterFlavorId(in.string("master_flavor_id", 255))
                .flavorId(in.string("flavor_id", 255))
                .fixedNetwork(in.string("fixed_network", 255))
                .fixedSubnet(in.string("fixed_subnet", 255))
                .floatingIpEnabled(in.bool("floating_ip_enabled"))
                .masterLbEnabled(in.bool("master_lb_enabled"))
                .build();
    }

    /** The list view: Magnum's summary fields. */
    public static ObjectNode summary(Cluster c, ClusterKind kind, String baseUrl) {
        ObjectNode o = Json.object();
        o.put("uuid", c.uuid());
        o.put("name", c.name());
        o.put(kind.templateField(), c.spec().clusterTemplateId());
        if (kind == ClusterKind.CLUSTER) {
            o.put("keypair", c.spec().keypair());
        }
        o.put("docker_volume_size", c.spec().dockerVolumeSize());
        o.put("node_count", c.spec().nodeCount());
        o.put("master_count", c.spec().masterCount());
        o.put("status", c.status().name());
        o.put(kind.timeoutField(), c.spec().createTimeout());
        o.put("stack_id", c.observed().stackId());
        if (kind == ClusterKind.CLUSTER) {
            o.set("labels", Json.map(c.spec().labels()));
            o.put("master_flavor_id", c.spec().masterFlavorId());
            o.put("flavor_id", c.spec().flavorId());
            o.put("health_status", c.observed().healthStatus() == null ? null : c.observed().healthStatus().name());
            o.put("project_id", c.projectId());
        }
        o.set("links", Json.links(baseUrl, kind.collection(), c.uuid()));
        return o;
    }

    /**
     * The full view of one cluster; {@code faults} are filled only while the status is a failed one.
     *
     * @param labels the cluster's labels and their difference to its template, as the caller may see them
     */
    public static ObjectNode full(Cluster c, LabelSecrets.ClusterLabels labels, ClusterKind kind, String baseUrl) {
        return ClusterView.of(c, labels, kind, baseUrl);
    }

    static String canonicalOrNull(String uuid) {
        return uuid == null ? null : Identifiers.canonicalUuid(uuid);
    }
}
