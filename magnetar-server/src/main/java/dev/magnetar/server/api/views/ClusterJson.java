package dev.magnetar.server.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.service.ClusterRequest;
import dev.magnetar.core.service.Identifiers;
import dev.magnetar.core.service.LabelSecrets;
import dev.magnetar.server.api.ApiVersion;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.input.FieldReader;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Cluster and bay bodies: parsing create requests and rendering the list and full views. */
public final class ClusterJson {

    /** 242 characters leave room for Heat's 255-character stack names. */
    static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_.-]*$");
    static final int NAME_MAX = 242;

    public static final Set<String> INTERNAL_PATHS = Set.of("/created_at", "/id", "/links", "/updated_at", "/uuid",
            "/project_id", "/user_id", "/api_address", "/node_addresses", "/master_addresses", "/stack_id",
            "/ca_cert_ref", "/magnum_cert_ref", "/trust_id", "/trustee_user_name", "/trustee_password",
            "/trustee_user_id");

    private ClusterJson() {
    }

    public static Set<String> createFields(ClusterKind kind) {
        Set<String> fields = new HashSet<>(Set.of("name", "node_count", "master_count", "docker_volume_size",
                "discovery_url", "labels", kind.templateField(), kind.timeoutField()));
        if (kind == ClusterKind.CLUSTER) {
            fields.addAll(Set.of("keypair", "master_flavor_id", "flavor_id", "fixed_network", "fixed_subnet",
                    "floating_ip_enabled", "merge_labels", "master_lb_enabled"));
        }
        return fields;
    }

    public static Set<String> mandatoryPaths(ClusterKind kind) {
        return Set.of("/" + kind.templateField());
    }

    public static ClusterRequest parseCreate(JsonNode body, ClusterKind kind, ApiVersion version) {
        FieldReader in = FieldReader.of(body, kind.argument(), createFields(kind));
        int minNodes = version.atLeast(ApiVersion.ZERO_NODES) ? 0 : 1;
        return new ClusterRequest(
                null,
                in.matching("name", NAME_MAX, NAME),
                in.mandatoryString(kind.templateField(), 255),
                in.string("keypair", 255),
                in.integer("node_count", minNodes, 10_000),
                in.integer("master_count", 1, 99),
                in.integer("docker_volume_size", 1, Integer.MAX_VALUE),
                in.integer(kind.timeoutField(), 0, 100_000),
                in.string("discovery_url", 255),
                in.labels("labels"),
                in.bool("merge_labels", false),
                in.string("master_flavor_id", 255),
                in.string("flavor_id", 255),
                in.string("fixed_network", 255),
                in.string("fixed_subnet", 255),
                in.bool("floating_ip_enabled"),
                in.bool("master_lb_enabled"));
    }

    /** The list view: Magnum's summary fields. */
    public static ObjectNode summary(Cluster c, ClusterKind kind, String baseUrl) {
        ObjectNode o = Json.object();
        o.put("uuid", c.uuid());
        o.put("name", c.name());
        o.put(kind.templateField(), c.clusterTemplateId());
        if (kind == ClusterKind.CLUSTER) {
            o.put("keypair", c.keypair());
        }
        o.put("docker_volume_size", c.dockerVolumeSize());
        o.put("node_count", c.nodeCount());
        o.put("master_count", c.masterCount());
        o.put("status", c.status().name());
        o.put(kind.timeoutField(), c.createTimeout());
        o.put("stack_id", c.stackId());
        if (kind == ClusterKind.CLUSTER) {
            o.set("labels", Json.map(c.labels()));
            o.put("master_flavor_id", c.masterFlavorId());
            o.put("flavor_id", c.flavorId());
            o.put("health_status", c.healthStatus() == null ? null : c.healthStatus().name());
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
        ObjectNode o = Json.object();
        o.put("uuid", c.uuid());
        o.put("name", c.name());
        o.put(kind.templateField(), c.clusterTemplateId());
        if (kind == ClusterKind.CLUSTER) {
            o.put("keypair", c.keypair());
        }
        o.put("node_count", c.nodeCount());
        o.put("master_count", c.masterCount());
        o.put("docker_volume_size", c.dockerVolumeSize());
        o.set("labels", Json.map(labels.labels()));
        o.put("master_flavor_id", c.masterFlavorId());
        o.put("flavor_id", c.flavorId());
        o.put(kind.timeoutField(), c.createTimeout());
        o.set("links", Json.links(baseUrl, kind.collection(), c.uuid()));
        o.put("stack_id", c.stackId());
        o.put("status", c.status().name());
        o.put("status_reason", c.statusReason());
        o.put("health_status", c.healthStatus() == null ? null : c.healthStatus().name());
        o.set("health_status_reason", Json.map(c.healthStatusReason()));
        o.put("discovery_url", c.discoveryUrl());
        o.put("api_address", c.apiAddress());
        o.put("coe_version", c.coeVersion());
        o.put("container_version", c.containerVersion());
        o.put("project_id", c.projectId());
        o.put("user_id", c.userId());
        o.set("node_addresses", Json.list(c.nodeAddresses()));
        o.set("master_addresses", Json.list(c.masterAddresses()));
        o.set(kind.faultsField(), Json.map(c.status().isFailed() ? c.faults() : java.util.Map.of()));
        o.put("fixed_network", c.fixedNetwork());
        o.put("fixed_subnet", c.fixedSubnet());
        o.put("floating_ip_enabled", c.floatingIpEnabled());
        o.put("merge_labels", c.mergeLabels());
        o.set("labels_overridden", Json.map(labels.overridden()));
        o.set("labels_added", Json.map(labels.added()));
        o.set("labels_skipped", Json.map(labels.skipped()));
        o.put("master_lb_enabled", c.masterLbEnabled());
        o.put("created_at", Json.timestamp(c.createdAt()));
        o.put("updated_at", Json.timestamp(c.updatedAt()));
        return o;
    }

    static String canonicalOrNull(String uuid) {
        return uuid == null ? null : Identifiers.canonicalUuid(uuid);
    }
}
