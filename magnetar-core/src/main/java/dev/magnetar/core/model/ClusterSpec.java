package dev.magnetar.core.model;

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

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds specs field by field; starts from Magnum's create defaults. */
    public static final class Builder {
        private String clusterTemplateId, keypair, discoveryUrl, masterFlavorId, flavorId, fixedNetwork, fixedSubnet;
        private int nodeCount = 1, masterCount = 1, createTimeout = 60;
        private Integer dockerVolumeSize;
        private Map<String, String> labels = Map.of();
        private boolean mergeLabels;
        private Boolean floatingIpEnabled, masterLbEnabled;
        private List<NodeGroup> nodeGroups = List.of();

        private Builder() {
        }

        private Builder(ClusterSpec s) {
            clusterTemplateId = s.clusterTemplateId; keypair = s.keypair; nodeCount = s.nodeCount;
            masterCount = s.masterCount; dockerVolumeSize = s.dockerVolumeSize; createTimeout = s.createTimeout;
            discoveryUrl = s.discoveryUrl; labels = s.labels; mergeLabels = s.mergeLabels;
            masterFlavorId = s.masterFlavorId; flavorId = s.flavorId; fixedNetwork = s.fixedNetwork;
            fixedSubnet = s.fixedSubnet; floatingIpEnabled = s.floatingIpEnabled; masterLbEnabled = s.masterLbEnabled;
            nodeGroups = s.nodeGroups;
        }

        public Builder clusterTemplateId(String v) { clusterTemplateId = v; return this; }
        public Builder keypair(String v) { keypair = v; return this; }
        public Builder nodeCount(int v) { nodeCount = v; return this; }
        public Builder masterCount(int v) { masterCount = v; return this; }
        public Builder dockerVolumeSize(Integer v) { dockerVolumeSize = v; return this; }
        public Builder createTimeout(int v) { createTimeout = v; return this; }
        public Builder discoveryUrl(String v) { discoveryUrl = v; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder mergeLabels(boolean v) { mergeLabels = v; return this; }
        public Builder masterFlavorId(String v) { masterFlavorId = v; return this; }
        public Builder flavorId(String v) { flavorId = v; return this; }
        public Builder fixedNetwork(String v) { fixedNetwork = v; return this; }
        public Builder fixedSubnet(String v) { fixedSubnet = v; return this; }
        public Builder floatingIpEnabled(Boolean v) { floatingIpEnabled = v; return this; }
        public Builder masterLbEnabled(Boolean v) { masterLbEnabled = v; return this; }
        public Builder nodeGroups(List<NodeGroup> v) { nodeGroups = v; return this; }

        public ClusterSpec build() {
            return new ClusterSpec(clusterTemplateId, keypair, nodeCount, masterCount, dockerVolumeSize, createTimeout,
                    discoveryUrl, labels, mergeLabels, masterFlavorId, flavorId, fixedNetwork, fixedSubnet,
                    floatingIpEnabled, masterLbEnabled, nodeGroups);
        }
    }
}
