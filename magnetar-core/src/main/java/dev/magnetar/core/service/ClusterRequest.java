package dev.magnetar.core.service;

import java.util.Map;

/**
 * A cluster (or bay) create request as the caller sent it; null means "not given", to be filled
 * from the template or from Magnum's defaults. Built with {@link #builder()}, field by field.
 *
 * @param labels      null to inherit the template's labels
 * @param mergeLabels true to merge {@code labels} over the template's instead of replacing them
 */
public record ClusterRequest(
        String uuid,
        String name,
        String clusterTemplateIdent,
        String keypair,
        Integer nodeCount,
        Integer masterCount,
        Integer dockerVolumeSize,
        Integer createTimeout,
        String discoveryUrl,
        Map<String, String> labels,
        boolean mergeLabels,
        String masterFlavorId,
        String flavorId,
        String fixedNetwork,
        String fixedSubnet,
        Boolean floatingIpEnabled,
        Boolean masterLbEnabled) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds requests field by field; every field starts as "not given". */
    public static final class Builder {
        private String uuid, name, clusterTemplateIdent, keypair, discoveryUrl, masterFlavorId, flavorId,
                fixedNetwork, fixedSubnet;
        private Integer nodeCount, masterCount, dockerVolumeSize, createTimeout;
        private Map<String, String> labels;
        private boolean mergeLabels;
        private Boolean floatingIpEnabled, masterLbEnabled;

        private Builder() {
        }

        public Builder uuid(String v) { uuid = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder clusterTemplateIdent(String v) { clusterTemplateIdent = v; return this; }
        public Builder keypair(String v) { keypair = v; return this; }
        public Builder nodeCount(Integer v) { nodeCount = v; return this; }
        public Builder masterCount(Integer v) { masterCount = v; return this; }
        public Builder dockerVolumeSize(Integer v) { dockerVolumeSize = v; return this; }
        public Builder createTimeout(Integer v) { createTimeout = v; return this; }
        public Builder discoveryUrl(String v) { discoveryUrl = v; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder mergeLabels(boolean v) { mergeLabels = v; return this; }
        public Builder masterFlavorId(String v) { masterFlavorId = v; return this; }
        public Builder flavorId(String v) { flavorId = v; return this; }
        public Builder fixedNetwork(String v) { fixedNetwork = v; return this; }
        public Builder fixedSubnet(String v) { fixedSubnet = v; return this; }
        public Builder floatingIpEnabled(Boolean v) { floatingIpEnabled = v; return this; }
        public Builder masterLbEnabled(Boolean v) { masterLbEnabled = v; return this; }

        public ClusterRequest build() {
            return new ClusterRequest(uuid, name, clusterTemplateIdent, keypair, nodeCount, masterCount,
                    dockerVolumeSize, createTimeout, discoveryUrl, labels, mergeLabels, masterFlavorId, flavorId,
                    fixedNetwork, fixedSubnet, floatingIpEnabled, masterLbEnabled);
        }
    }
}
