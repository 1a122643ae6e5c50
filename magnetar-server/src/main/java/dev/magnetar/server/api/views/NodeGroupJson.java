package dev.magnetar.server.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import dev.magnetar.core.service.ClusterService;
import dev.magnetar.core.service.NodeGroupRequest;
import dev.magnetar.core.service.NodeGroupService;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.input.FieldReader;

import java.util.Map;
import java.util.Set;

/**
 * Magnum's nodegroup body (API 1.9): the full view of one group, the list's summary, and the create
 * request. Default groups are views of their cluster (docs/design/0008-node-groups-in-the-cluster-spec.md);
 * every group shares its cluster's stack, so {@code stack_id} is the cluster's.
 */
public final class NodeGroupJson {

    /** What a create body may hold; anything else is refused naming the field. */
    public static final Set<String> CREATE_FIELDS = Set.of("name", "role", "node_count", "min_node_count",
            "max_node_count", "flavor_id", "image_id", "docker_volume_size", "labels", "merge_labels");
    /** The paths a PATCH may not touch: every field but the bounds, as in Magnum. */
    public static final Set<String> INTERNAL_PATHS = Set.of("/uuid", "/name", "/cluster_id", "/project_id",
            "/docker_volume_size", "/labels", "/flavor_id", "/image_id", "/node_addresses", "/node_count", "/role",
            "/is_default", "/stack_id", "/status", "/status_reason", "/version", "/merge_labels", "/labels_added",
            "/labels_overridden", "/labels_skipped", "/created_at", "/updated_at", "/links", "/id");
    /** The fields of the list view (Magnum's summary). */
    private static final Set<String> SUMMARY = Set.of("uuid", "name", "flavor_id", "image_id", "node_count", "role",
            "is_default", "status", "stack_id", "links");

    private NodeGroupJson() {
    }

    public static NodeGroupRequest parseCreate(JsonNode body) {
        FieldReader in = FieldReader.of(body, "nodegroup", CREATE_FIELDS);
        String name = in.mandatoryString("name", 255);
        String role = in.string("role", 255);
        Integer nodeCount = in.integer("node_count", 0, 10_000);
        Integer min = in.integer("min_node_count", 0, 10_000);
        Integer max = in.integer("max_node_count", 0, 10_000);
        return new NodeGroupRequest(name, role, nodeCount, min, max, in.string("flavor_id", 255),
                in.string("image_id", 255), in.integer("docker_volume_size", 1, Integer.MAX_VALUE),
                in.labels("labels"), in.bool("merge_labels", false));
    }

    /**
     * @param labels the group's labels as the caller may see them
     * @param clusterLabels the cluster's labels as the caller may see them, for {@code labels_added} and the rest
     */
    public static ObjectNode full(NodeGroupService.Groups groups, NodeGroup group, Map<String, String> labels,
                                  Map<String, String> clusterLabels, String baseUrl) {
        NodeGroupState state = groups.stateOf(group);
        ObjectNode body = Json.object();
        body.put("uuid", group.uuid());
        body.put("name", group.name());
        body.put("cluster_id", groups.cluster().uuid());
        body.put("project_id", groups.cluster().projectId());
        putInteger(body, "docker_volume_size", group.dockerVolumeSize());
        body.set("labels", Json.map(labels));
        ClusterService.LabelDelta delta = ClusterService.labelDelta(clusterLabels, labels);
        body.set("labels_overridden", Json.map(delta.overridden()));
        body.set("labels_added", Json.map(delta.added()));
        body.set("labels_skipped", Json.map(delta.skipped()));
        body.put("merge_labels", group.mergeLabels());
        body.put("flavor_id", group.flavorId());
        body.put("image_id", group.imageId());
        body.set("node_addresses", Json.list(state.nodeAddresses()));
        body.put("node_count", group.nodeCount());
        body.put("role", group.role());
        body.put("max_node_count", group.maxNodeCount());
        body.put("min_node_count", group.minNodeCount());
        body.put("is_default", group.isDefault());
        body.put("stack_id", groups.cluster().observed().stackId());
        body.put("status", state.status().name());
        body.put("status_reason", state.statusReason());
        // Magnum's version of a group's nodes: they run the release the cluster reports (one for all its nodes)
        body.put("version", groups.cluster().observed().coeVersion());
        body.put("created_at", Json.timestamp(group.createdAt()));
        body.put("updated_at", Json.timestamp(group.updatedAt()));
        body.set("links", Json.links(baseUrl, "clusters/" + groups.cluster().uuid() + "/nodegroups", group.uuid()));
        return body;
    }

    public static ObjectNode summary(ObjectNode full) {
        return full.deepCopy().retain(SUMMARY);
    }

    private static void putInteger(ObjectNode body, String field, Integer value) {
        if (value == null) {
            body.putNull(field);
        } else {
            body.put(field, value);
        }
    }
}
