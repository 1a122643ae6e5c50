package dev.magnetar.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was observed of a cluster: set by the reconcile loop from Heat's stack and by the monitor from
 * the running COE, never asserted by a command (a command records intent in {@link ClusterSpec} and
 * moves {@code status} to an in-progress one).
 *
 * @param stackId Heat's id of the cluster's stack, once the conductor created or adopted it
 * @param faults  failed resource name to reason, kept while the status is a failed one
 * @param nodeGroupStates what was seen of each node group a user added, by the group's uuid
 */
public record ClusterObserved(
        ClusterStatus status,
        String statusReason,
        String stackId,
        String apiAddress,
        List<String> masterAddresses,
        List<String> nodeAddresses,
        Map<String, String> faults,
        HealthStatus healthStatus,
        Map<String, String> healthStatusReason,
        String coeVersion,
        String containerVersion,
        Map<String, NodeGroupState> nodeGroupStates) {

    public ClusterObserved {
        Objects.requireNonNull(status, "status");
        masterAddresses = masterAddresses == null ? List.of() : List.copyOf(masterAddresses);
        nodeAddresses = nodeAddresses == null ? List.of() : List.copyOf(nodeAddresses);
        faults = faults == null ? Map.of() : Map.copyOf(faults);
        healthStatusReason = healthStatusReason == null ? Map.of() : Map.copyOf(healthStatusReason);
        nodeGroupStates = nodeGroupStates == null ? Map.of() : Map.copyOf(nodeGroupStates);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds observations field by field; a new cluster starts in {@code CREATE_IN_PROGRESS}. */
    public static final class Builder {
        private ClusterStatus status = ClusterStatus.CREATE_IN_PROGRESS;
        private String statusReason, stackId, apiAddress, coeVersion, containerVersion;
        private List<String> masterAddresses = List.of(), nodeAddresses = List.of();
        private Map<String, String> faults = Map.of(), healthStatusReason = Map.of();
        private HealthStatus healthStatus;
        private Map<String, NodeGroupState> nodeGroupStates = Map.of();

        private Builder() {
        }

        private Builder(ClusterObserved o) {
            status = o.status; statusReason = o.statusReason; stackId = o.stackId; apiAddress = o.apiAddress;
            masterAddresses = o.masterAddresses; nodeAddresses = o.nodeAddresses; faults = o.faults;
            healthStatus = o.healthStatus; healthStatusReason = o.healthStatusReason; coeVersion = o.coeVersion;
            containerVersion = o.containerVersion; nodeGroupStates = o.nodeGroupStates;
        }

        public Builder status(ClusterStatus v) { status = v; return this; }
        public Builder statusReason(String v) { statusReason = v; return this; }
        public Builder stackId(String v) { stackId = v; return this; }
        public Builder apiAddress(String v) { apiAddress = v; return this; }
        public Builder masterAddresses(List<String> v) { masterAddresses = v; return this; }
        public Builder nodeAddresses(List<String> v) { nodeAddresses = v; return this; }
        public Builder faults(Map<String, String> v) { faults = v; return this; }
        public Builder healthStatus(HealthStatus v) { healthStatus = v; return this; }
        public Builder healthStatusReason(Map<String, String> v) { healthStatusReason = v; return this; }
        public Builder coeVersion(String v) { coeVersion = v; return this; }
        public Builder containerVersion(String v) { containerVersion = v; return this; }
        public Builder nodeGroupStates(Map<String, NodeGroupState> v) { nodeGroupStates = v; return this; }

        public ClusterObserved build() {
            return new ClusterObserved(status, statusReason, stackId, apiAddress, masterAddresses, nodeAddresses,
                    faults, healthStatus, healthStatusReason, coeVersion, containerVersion, nodeGroupStates);
        }
    }
}
