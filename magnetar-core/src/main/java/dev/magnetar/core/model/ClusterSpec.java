package dev.magnetar.core.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.List;
import java.util.Map;

/**
 * What the user asked a cluster to be: the template it follows and the request's overrides. Only a
 * command changes the spec (create, resize, relabel); the reconcile loop and the monitor never do.
 * The counts and flavors below are those of the default master and worker node groups; the groups a
 * user adds are {@code nodeGroups} ({@link NodeGroups} shows them all).
 *
 * @param labels      the effective labels: the template's, overridden or merged by the request
 * @param mergeLabels whether the request's labels were merged over the template's ({@code merge_labels})
 * @param nodeGroups  the node groups a user added, in the order they were added; never a default one
 */
@RecordBuilder
public record ClusterSpec(
        String clusterTemplateId,
        String keypair,
        int nodeCount,
        int masterCount,
        Integer dockerVolumeSize,
        int createTimeout,
        String discoveryUrl,
        Map<String, String> labels,
        boolean mergeLabels,
        String masterFlavorId,
        String flavorId,
        String fixedNetwork,
        String fixedSubnet,
        Boolean floatingIpEnabled,
        Boolean masterLbEnabled,
        List<NodeGroup> nodeGroups) {

    public ClusterSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        nodeGroups = nodeGroups == null ? List.of() : List.copyOf(nodeGroups);
        if (nodeGroups.stream().anyMatch(NodeGroup::isDefault)) {
            throw new IllegalArgumentException("default node groups are views of the spec, not stored in it");
        }
    }

    /** A builder starting from Magnum's create defaults: one master, one node, a 60-minute timeout. */
    public static ClusterSpecBuilder builder() {
        return ClusterSpecBuilder.builder().nodeCount(1).masterCount(1).createTimeout(60);
    }

    public ClusterSpecBuilder toBuilder() {
        return ClusterSpecBuilder.builder(this);
    }
}
