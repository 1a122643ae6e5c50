package dev.magnetar.core.conductor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.port.Stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the reconcile loop should do with one in-progress cluster, given what the orchestrator says
 * about its stack. A pure function of its inputs: the same observation always gives the same
 * decision, which is what makes reconciling twice harmless.
 */
public sealed interface ReconcileDecision {

    /** Nothing to change yet. */
    record Wait() implements ReconcileDecision {
    }

    /**
     * Move the cluster to {@code status}.
     *
     * @param observeOutputs read addresses and versions from the stack's outputs
     * @param collectFaults  list the stack's failed resources into {@code faults}
     */
    record Settle(ClusterStatus status, String reason, boolean observeOutputs, boolean collectFaults)
            implements ReconcileDecision {
    }

    /** The create ran out of time; the reason should name what was still in progress. */
    record TimedOut(String reason) implements ReconcileDecision {
    }

    /** The stack is gone after a delete: remove the cluster row. */
    record Remove() implements ReconcileDecision {
    }

    static ReconcileDecision decide(Cluster cluster, Optional<Stack> stack, boolean operationPending, Instant now) {
        if (operationPending || !cluster.status().isInProgress()) {
            return new Wait();
        }
        String stackName = StackNames.of(cluster);
        return switch (cluster.status()) {
            case CREATE_IN_PROGRESS -> stack.isEmpty()
                    ? new Settle(ClusterStatus.CREATE_FAILED, "Stack " + stackName + " not found in the orchestrator.",
                    false, false)
                    : fromStack(cluster, stack.get(), "CREATE_", now);
            case UPDATE_IN_PROGRESS -> stack.isEmpty()
                    ? new Settle(ClusterStatus.UPDATE_FAILED, "Stack " + stackName + " not found in the orchestrator.",
                    false, false)
                    : fromStack(cluster, stack.get(), "UPDATE_", now);
            case ROLLBACK_IN_PROGRESS -> stack.isEmpty()
                    ? new Settle(ClusterStatus.ROLLBACK_FAILED,
                    "Stack " + stackName + " not found in the orchestrator.", false, false)
                    : fromStack(cluster, stack.get(), "ROLLBACK_", now);
            case DELETE_IN_PROGRESS -> {
                if (stack.isEmpty() || stack.get().status().equals("DELETE_COMPLETE")) {
                    yield new Remove();
                }
                yield stack.get().status().equals("DELETE_FAILED")
                        ? new Settle(ClusterStatus.DELETE_FAILED, stack.get().statusReason(), false, true)
                        : new Wait();
            }
            default -> new Wait();
        };
    }

    /**
     * Settles only on a stack status of the action the cluster is waiting for (or a rollback of it):
     * a stack that still shows the previous action's status is stale, not an answer.
     */
    private static ReconcileDecision fromStack(Cluster cluster, Stack stack, String action, Instant now) {
        String status = stack.status();
        boolean ownAction = status.startsWith(action) || status.startsWith("ROLLBACK_");
        if (!ownAction) {
            return new Wait();
        }
        if (status.endsWith("_IN_PROGRESS")) {
            if (status.startsWith("ROLLBACK_") && cluster.status() != ClusterStatus.ROLLBACK_IN_PROGRESS) {
                return new Settle(ClusterStatus.ROLLBACK_IN_PROGRESS, stack.statusReason(), false, false);
            }
            return timedOut(cluster, now) ? new TimedOut(timeoutReason(cluster, stack)) : new Wait();
        }
        ClusterStatus settled = ClusterStatus.fromStackStatus(status);
        return new Settle(settled, stack.statusReason(), status.endsWith("_COMPLETE"), status.endsWith("_FAILED"));
    }

    private static boolean timedOut(Cluster cluster, Instant now) {
        Instant since = cluster.status() == ClusterStatus.CREATE_IN_PROGRESS || cluster.updatedAt() == null
                ? cluster.createdAt() : cluster.updatedAt();
        return since != null && now.isAfter(since.plus(Duration.ofMinutes(cluster.spec().createTimeout())));
    }

    private static String timeoutReason(Cluster cluster, Stack stack) {
        return "Timed out after " + cluster.spec().createTimeout() + " minutes waiting for stack " + stack.name()
                + " (" + stack.status() + ")";
    }
}
