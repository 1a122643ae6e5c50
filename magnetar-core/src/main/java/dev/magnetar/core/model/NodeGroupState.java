package dev.magnetar.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What was observed of one node group: the status of the stack change that last touched it, and the
 * addresses of its nodes. Set by the reconcile loop only, like the rest of {@link ClusterObserved}.
 */
public record NodeGroupState(ClusterStatus status, String statusReason, List<String> nodeAddresses) {

    public NodeGroupState {
        Objects.requireNonNull(status, "status");
        nodeAddresses = nodeAddresses == null ? List.of() : List.copyOf(nodeAddresses);
    }
}
