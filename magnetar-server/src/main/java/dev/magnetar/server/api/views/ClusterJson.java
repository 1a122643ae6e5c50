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
        // Checked in this order: of several invalid fields, the first in it is the one reported.
        String name = in.matching("name", NAME_MAX, NAME);
        String template = in.mandatoryString(kind.templateField(), 255);
        String keypair = in.string("keypair", 255);
        Integer nodeCount = in.integer("node_count", minNodes, 10_000);
        Integer masterCount = in.integer("master_count", 1, 99);
        Integer dockerVolumeSize = in.integer("docker_volume_size", 1, Integer.MAX_VALUE);
        Integer timeout = in.integer(kind.timeoutField(), 0, 100_000);
        String discoveryUrl = in.string("discovery_url", 255);
        ClusterRequest.Labels labels = new ClusterRequest.Labels(in.labels("labels"), in.bool("merge_labels", false));
        String masterFlavorId = in.string("master_flavor_id", 255);
        String flavorId = in.string("flavor_id", 255);
        return new ClusterRequest(null, name, template,
                new ClusterRequest.Nodes(nodeCount, masterCount, flavorId, masterFlavorId, dockerVolumeSize),
                labels,
                new ClusterRequest.Options(keypair, timeout, discoveryUrl, in.string("fixed_network", 255),
                        in.string("fixed_subnet", 255), in.bool("floating_ip_enabled"), in.bool("master_lb_enabled")));
    }

    /** The list view: Magnum's summary fields. */
    public static ObjectNode summary(Cluster c, ClusterKind kind, String baseUrl) {
        return ClusterView.summary(c, kind, baseUrl);
    }

    /**
     * The full view of one cluster; {@code faults} are filled only while the status is a failed one.
     *
     * @param labels the cluster's labels and their difference to its template, as the caller may see them
     */
    public static ObjectNode full(Cluster c, LabelSecrets.ClusterLabels labels, ClusterKind kind, String baseUrl) {
        return ClusterView.full(c, labels, kind, baseUrl);
    }

    static String canonicalOrNull(String uuid) {
        return uuid == null ? null : Identifiers.canonicalUuid(uuid);
    }
}
