package dev.magnetar.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster's added node groups ({@code node_groups}: a JSON array of objects) and what was observed of
 * them ({@code node_group_states}: a JSON object by group uuid). The keys are Magnum's field names, spelled
 * out here, so renaming a record component cannot change what is stored; instants are ISO-8601 text.
 */
final class NodeGroupsJson {

    private NodeGroupsJson() {
    }

    static String writeGroups(List<NodeGroup> groups) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NodeGroup g : groups) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("uuid", g.uuid());
            row.put("name", g.name());
            row.put("role", g.role());
            row.put("node_count", g.nodeCount());
            row.put("min_node_count", g.minNodeCount());
            row.put("max_node_count", g.maxNodeCount());
            row.put("flavor_id", g.flavorId());
            row.put("image_id", g.imageId());
            row.put("docker_volume_size", g.dockerVolumeSize());
            row.put("labels", new TreeMap<>(g.labels()));
            row.put("merge_labels", g.mergeLabels());
            row.put("created_at", g.createdAt() == null ? null : g.createdAt().toString());
            row.put("updated_at", g.updatedAt() == null ? null : g.updatedAt().toString());
            rows.add(row);
        }
        return JsonColumns.write(rows);
    }

    static List<NodeGroup> readGroups(String json) {
        List<NodeGroup> groups = new ArrayList<>();
        for (JsonNode g : JsonColumns.readTree(json == null || json.isEmpty() ? "[]" : json)) {
            groups.add(new NodeGroup(text(g, "uuid"), text(g, "name"), text(g, "role"),
                    g.path("node_count").intValue(), g.path("min_node_count").intValue(),
                    integer(g, "max_node_count"), text(g, "flavor_id"), text(g, "image_id"),
                    integer(g, "docker_volume_size"), strings(g.path("labels")), g.path("merge_labels").booleanValue(),
                    false, instant(g, "created_at"), instant(g, "updated_at")));
        }
        return groups;
    }

    static String writeStates(Map<String, NodeGroupState> states) {
        Map<String, Object> byUuid = new TreeMap<>();
        states.forEach((uuid, s) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", s.status().name());
            row.put("status_reason", s.statusReason());
            row.put("node_addresses", s.nodeAddresses());
            byUuid.put(uuid, row);
        });
        return JsonColumns.write(byUuid);
    }

    static Map<String, NodeGroupState> readStates(String json) {
        Map<String, NodeGroupState> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = JsonColumns.readTree(json).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode s = e.getValue();
            List<String> addresses = new ArrayList<>();
            s.path("node_addresses").forEach(a -> addresses.add(a.asText()));
            states.put(e.getKey(), new NodeGroupState(ClusterStatus.valueOf(text(s, "status")),
                    text(s, "status_reason"), addresses));
        }
        return states;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isTextual() ? value.textValue() : null;
    }

    private static Integer integer(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isIntegralNumber() ? value.intValue() : null;
    }

    private static Instant instant(JsonNode node, String key) {
        String value = text(node, key);
        return value == null ? null : Instant.parse(value);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
