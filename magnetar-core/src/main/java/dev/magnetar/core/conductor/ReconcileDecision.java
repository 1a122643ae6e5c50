package dev.magnetar.core.conductor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.status.ClusterLifecycle;
import dev.magnetar.core.status.LifecycleEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the reconcile loop should do with one in-progress cluster, given what the orchestrator says
 * about its stack. A pure function of its inputs: the same observation always gives the same
 * decision, which is what makes reconciling twice harmless. It reads the observation as a
 * {@link LifecycleEvent}; {@link ClusterLifecycle} says where that leads.
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

    /**
     * The action ran out of time; the reason should name what was still in progress.
     *
     * @param status where the table sends a cluster that timed out
     */
    record TimedOut(ClusterStatus status, String reason) implements ReconcileDecision {
    }

    /** The stack is gone after a delete: remove the cluster row. */
    record Remove() implements ReconcileDecision {
    }

    static ReconcileDecision decide(Cluster cluster, Optional<Stack> stack, boolean operationPending, Instant now) {
        if (operationPending || !cluster.status().isInProgress()) {
            return new Wait();
        }
        ClusterStatus status = cluster.status();
        if (stack.isPresent() && stillRunning(status, stack.get().status())) {
            return ClusterLifecycle.next(status, LifecycleEvent.TIMED_OUT)
                    .filter(failed -> timedOut(cluster, now))
                    .<ReconcileDecision>map(failed -> new TimedOut(failed, timeoutReason(cluster, stack.get())))
                    .orElseGet(Wait::new);
        }
        Optional<LifecycleEvent> event = stack.isEmpty() ? Optional.of(LifecycleEvent.STACK_GONE)
                : answer(status, stack.get().status());
        Optional<ClusterStatus> next = event.flatMap(e -> ClusterLifecycle.next(status, e));
        if (next.isEmpty()) {
            return new Wait();
        }
        if (ClusterLifecycle.isFinal(next.get())) {
            return new Remove();
        }
        if (stack.isEmpty()) {
            return new Settle(next.get(), "Stack " + StackNames.of(cluster) + " not found in the orchestrator.",
                    false, false);
        }
        StackStatus answered = stack.get().status();
        return new Settle(next.get(), stack.get().statusReason(), answered.phase() == StackPhase.COMPLETE,
                answered.phase() == StackPhase.FAILED);
    }

    /** The stack still runs the action the cluster waits for. */
    private static boolean stillRunning(ClusterStatus waiting, StackStatus stack) {
        return stack.action() == waiting.action() && stack.isInProgress();
    }

    /**
     * The stack's status as an answer to the action the cluster waits for: its end, or a rollback of
     * it. A stack that still shows another action's status is stale, not an answer.
     */
    private static Optional<LifecycleEvent> answer(ClusterStatus waiting, StackStatus stack) {
        if (stack.action() == waiting.action()) {
            return switch (stack.phase()) {
                case COMPLETE -> Optional.of(LifecycleEvent.STACK_COMPLETE);
                case FAILED -> Optional.of(LifecycleEvent.STACK_FAILED);
                case IN_PROGRESS, UNRECOGNISED -> Optional.empty();
            };
        }
        if (stack.action() == StackAction.ROLLBACK) {
            return switch (stack.phase()) {
                case IN_PROGRESS -> Optional.of(LifecycleEvent.STACK_ROLLING_BACK);
                case COMPLETE -> Optional.of(LifecycleEvent.STACK_ROLLED_BACK);
                case FAILED -> Optional.of(LifecycleEvent.STACK_ROLLBACK_FAILED);
                case UNRECOGNISED -> Optional.empty();
            };
        }
        return Optional.empty();
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
