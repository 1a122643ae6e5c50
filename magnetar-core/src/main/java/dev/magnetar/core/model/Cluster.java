package dev.magnetar.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster (legacy name: bay). The request fields record intent; status, addresses, faults and
 * health are observed by the reconcile loop and the monitor, never asserted by a command.
 *
 * @param labels        the effective labels: the template's, overridden or merged by the request
 * @param mergeLabels   whether the request's labels were merged over the template's ({@code merge_labels})
 * @param stackId       Heat's id of the cluster's stack, once the conductor created or adopted it
 * @param faults        failed resource name to reason, kept while the status is a failed one
 * @param version       optimistic-lock counter; every stored change increments it
 */
public record Cluster(
        String uuid,
        String name,
        String projectId,
        String userId,
        String clusterTemplateId,
        String keypair,
        int nodeCount,
        int masterCount,
        Integer dockerVolumeSize,
        int createTimeout,
        String discoveryUrl,
        String stackId,
        ClusterStatus status,
        String statusReason,
        String apiAddress,
        String coeVersion,
        String containerVersion,
        List<String> masterAddresses,
        List<String> nodeAddresses,
        Map<String, String> labels,
        boolean mergeLabels,
        String masterFlavorId,
        String flavorId,
        String fixedNetwork,
        String fixedSubnet,
        Boolean floatingIpEnabled,
        Boolean masterLbEnabled,
        Map<String, String> faults,
        HealthStatus healthStatus,
        Map<String, String> healthStatusReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Cluster {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(status, "status");
        masterAddresses = masterAddresses == null ? List.of() : List.copyOf(masterAddresses);
        nodeAddresses = nodeAddresses == null ? List.of() : List.copyOf(nodeAddresses);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        faults = faults == null ? Map.of() : Map.copyOf(faults);
        healthStatusReason = healthStatusReason == null ? Map.of() : Map.copyOf(healthStatusReason);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds clusters field by field; starts from Magnum's create defaults. */
    public static final class Builder {
        private String uuid, name, projectId, userId, clusterTemplateId, keypair, discoveryUrl, stackId,
                statusReason, apiAddress, coeVersion, containerVersion, masterFlavorId, flavorId, fixedNetwork,
                fixedSubnet;
        private int nodeCount = 1, masterCount = 1, createTimeout = 60;
        private Integer dockerVolumeSize;
        private ClusterStatus status = ClusterStatus.CREATE_IN_PROGRESS;
        private List<String> masterAddresses = List.of(), nodeAddresses = List.of();
        private Map<String, String> labels = Map.of(), faults = Map.of(), healthStatusReason = Map.of();
        private Boolean floatingIpEnabled, masterLbEnabled;
        private boolean mergeLabels;
        private HealthStatus healthStatus;
        private Instant createdAt, updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Cluster c) {
            uuid = c.uuid; name = c.name; projectId = c.projectId; userId = c.userId;
            clusterTemplateId = c.clusterTemplateId; keypair = c.keypair; nodeCount = c.nodeCount;
            masterCount = c.masterCount; dockerVolumeSize = c.dockerVolumeSize; createTimeout = c.createTimeout;
            discoveryUrl = c.discoveryUrl; stackId = c.stackId; status = c.status; statusReason = c.statusReason;
            apiAddress = c.apiAddress; coeVersion = c.coeVersion; containerVersion = c.containerVersion;
            masterAddresses = c.masterAddresses; nodeAddresses = c.nodeAddresses; labels = c.labels;
            mergeLabels = c.mergeLabels;
            masterFlavorId = c.masterFlavorId; flavorId = c.flavorId; fixedNetwork = c.fixedNetwork;
            fixedSubnet = c.fixedSubnet; floatingIpEnabled = c.floatingIpEnabled; masterLbEnabled = c.masterLbEnabled;
            faults = c.faults; healthStatus = c.healthStatus; healthStatusReason = c.healthStatusReason;
            createdAt = c.createdAt; updatedAt = c.updatedAt; version = c.version;
        }

        public Builder uuid(String v) { uuid = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder projectId(String v) { projectId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder clusterTemplateId(String v) { clusterTemplateId = v; return this; }
        public Builder keypair(String v) { keypair = v; return this; }
        public Builder nodeCount(int v) { nodeCount = v; return this; }
        public Builder masterCount(int v) { masterCount = v; return this; }
        public Builder dockerVolumeSize(Integer v) { dockerVolumeSize = v; return this; }
        public Builder createTimeout(int v) { createTimeout = v; return this; }
        public Builder discoveryUrl(String v) { discoveryUrl = v; return this; }
        public Builder stackId(String v) { stackId = v; return this; }
        public Builder status(ClusterStatus v) { status = v; return this; }
        public Builder statusReason(String v) { statusReason = v; return this; }
        public Builder apiAddress(String v) { apiAddress = v; return this; }
        public Builder coeVersion(String v) { coeVersion = v; return this; }
        public Builder containerVersion(String v) { containerVersion = v; return this; }
        public Builder masterAddresses(List<String> v) { masterAddresses = v; return this; }
        public Builder nodeAddresses(List<String> v) { nodeAddresses = v; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder mergeLabels(boolean v) { mergeLabels = v; return this; }
        public Builder masterFlavorId(String v) { masterFlavorId = v; return this; }
        public Builder flavorId(String v) { flavorId = v; return this; }
        public Builder fixedNetwork(String v) { fixedNetwork = v; return this; }
        public Builder fixedSubnet(String v) { fixedSubnet = v; return this; }
        public Builder floatingIpEnabled(Boolean v) { floatingIpEnabled = v; return this; }
        public Builder masterLbEnabled(Boolean v) { masterLbEnabled = v; return this; }
        public Builder faults(Map<String, String> v) { faults = v; return this; }
        public Builder healthStatus(HealthStatus v) { healthStatus = v; return this; }
        public Builder healthStatusReason(Map<String, String> v) { healthStatusReason = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public Cluster build() {
            return new Cluster(uuid, name, projectId, userId, clusterTemplateId, keypair, nodeCount, masterCount,
                    dockerVolumeSize, createTimeout, discoveryUrl, stackId, status, statusReason, apiAddress,
                    coeVersion, containerVersion, masterAddresses, nodeAddresses, labels, mergeLabels, masterFlavorId,
                    flavorId,
                    fixedNetwork, fixedSubnet, floatingIpEnabled, masterLbEnabled, faults, healthStatus,
                    healthStatusReason, createdAt, updatedAt, version);
        }
    }
}
