package dev.magnetar.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A node group (Magnum's {@code nodegroup}; a node pool): nodes of one role with their own size, flavor,
 * image and labels. A cluster's default groups ({@code default-master}, {@code default-worker}, and any its
 * driver implies) are views of its {@link ClusterSpec}'s counts and flavors, built by {@link NodeGroups};
 * the groups a user adds are stored in the spec's {@code nodeGroups}. See
 * docs/design/0008-node-groups-in-the-cluster-spec.md.
 *
 * @param role         what the nodes are to the COE; the cluster's driver says which roles a user may add
 * @param minNodeCount the least {@code nodeCount} a resize may ask for (Magnum's default 0)
 * @param maxNodeCount the most {@code nodeCount} a resize may ask for, null for no bound
 * @param labels       the effective labels: the cluster's, overridden or merged by the group's request
 * @param mergeLabels  whether the request's labels were merged over the cluster's
 * @param isDefault    true for the views of the cluster's own counts, which cannot be deleted
 */
public record NodeGroup(
        String uuid,
        String name,
        String role,
        int nodeCount,
        int minNodeCount,
        Integer maxNodeCount,
        String flavorId,
        String imageId,
        Integer dockerVolumeSize,
        Map<String, String> labels,
        boolean mergeLabels,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {

    public static final String MASTER_ROLE = "master";
    public static final String WORKER_ROLE = "worker";

    public NodeGroup {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public NodeGroup withNodeCount(int count, Instant now) {
        return new NodeGroup(uuid, name, role, count, minNodeCount, maxNodeCount, flavorId, imageId,
                dockerVolumeSize, labels, mergeLabels, isDefault, createdAt, now);
    }

    /** Whether {@code count} lies within this group's bounds. */
    public boolean allows(int count) {
        return count >= minNodeCount && (maxNodeCount == null || count <= maxNodeCount);
    }
}
