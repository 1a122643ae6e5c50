package dev.magnetar.server.api.views;

import dev.magnetar.server.api.Json;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterObserved;
import dev.magnetar.core.model.ClusterSpec;
import dev.magnetar.core.service.LabelSecrets;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full view of one cluster on the wire: its spec and its observed part under Magnum's names
 * ({@link WireNames}), with the labels as the caller may see them and {@code faults} only while the
 * status is a failed one. A bay is the same body under Magnum's older names and without {@code keypair}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClusterView(
        String uuid,
        String name,
        @JsonUnwrapped ClusterSpec spec,
        List<Link> links,
        @JsonUnwrapped ClusterObserved observed,
        String projectId,
        String userId,
        Map<String, String> labelsOverridden,
        Map<String, String> labelsAdded,
        Map<String, String> labelsSkipped,
        String createdAt,
        String updatedAt) {

    /** The list view's fields (Magnum's summary); bays have neither labels, flavors, health nor project. */
    private static final Set<String> SUMMARY = Set.of("uuid", "name", "cluster_template_id", "keypair",
            "docker_volume_size", "node_count", "master_count", "status", "create_timeout", "stack_id", "labels",
            "master_flavor_id", "flavor_id", "health_status", "project_id", "links");
    private static final Set<String> NOT_IN_BAY_SUMMARY = Set.of("labels", "master_flavor_id", "flavor_id",
            "health_status", "project_id");

    /** @param labels the cluster's labels and their difference to its template, as the caller may see them */
    static ObjectNode full(Cluster c, LabelSecrets.ClusterLabels labels, ClusterKind kind, String baseUrl) {
        return named(tree(c, labels, kind, baseUrl), kind, Set.of());
    }

    /** The list view of a cluster whose labels are already those the caller may see. */
    static ObjectNode summary(Cluster c, ClusterKind kind, String baseUrl) {
        ObjectNode summary = tree(c, new LabelSecrets.ClusterLabels(c.spec().labels(), Map.of(), Map.of(), Map.of()),
                kind, baseUrl).retain(SUMMARY);
        return named(summary, kind, NOT_IN_BAY_SUMMARY);
    }

    private static ObjectNode tree(Cluster c, LabelSecrets.ClusterLabels labels, ClusterKind kind, String baseUrl) {
        ClusterView view = new ClusterView(c.uuid(), c.name(),
                c.spec().toBuilder().labels(labels.labels()).build(),
                Link.of(baseUrl, kind.collection(), c.uuid()),
                c.status().isFailed() ? c.observed() : c.observed().toBuilder().faults(Map.of()).build(),
                c.projectId(), c.userId(), labels.overridden(), labels.added(), labels.skipped(),
                Json.timestamp(c.createdAt()), Json.timestamp(c.updatedAt()));
        return Json.MAPPER.valueToTree(view);
    }

    /**
     * A bay's body: the fields whose names differ for bays renamed in place, without {@code keypair} and
     * the {@code notInBay} ones.
     */
    private static ObjectNode named(ObjectNode cluster, ClusterKind kind, Set<String> notInBay) {
        if (kind == ClusterKind.CLUSTER) {
            return cluster;
        }
        Map<String, String> names = Map.of("cluster_template_id", kind.templateField(),
                "create_timeout", kind.timeoutField(), "faults", kind.faultsField());
        ObjectNode bay = Json.object();
        cluster.properties().forEach(field -> {
            if (!field.getKey().equals("keypair") && !notInBay.contains(field.getKey())) {
                bay.set(names.getOrDefault(field.getKey(), field.getKey()), (JsonNode) field.getValue());
            }
        });
        return bay;
    }
}
