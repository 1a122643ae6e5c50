package dev.magnetar.core.model;

import io.soabase.recordbuilder.core.RecordBuilder;
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
@RecordBuilder
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

    /** A builder for a new cluster's observations: it starts in {@code CREATE_IN_PROGRESS}. */
    public static ClusterObservedBuilder builder() {
        return ClusterObservedBuilder.builder().status(ClusterStatus.CREATE_IN_PROGRESS);
    }

    public ClusterObservedBuilder toBuilder() {
        return ClusterObservedBuilder.builder(this);
    }
}
