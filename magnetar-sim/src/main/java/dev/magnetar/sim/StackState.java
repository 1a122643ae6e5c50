package dev.magnetar.sim;

import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.port.StackSpec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated stack as stored: what it was made from, the action in flight with its timeline,
 * and what the stack looked like before that action (to roll back to).
 *
 * @param serial     counts actions, so a re-created resource gets a new physical id
 * @param previous   the settled stack before the current action, for a rollback; null if none
 */
record StackState(String id, String name, StackSpec spec, int timeoutMinutes,
                  boolean disableRollback, int serial, Operation operation, Snapshot current, Snapshot previous) {

    /**
     * The action in flight or last finished.
     *
     * @param endAt         when it settles (complete or failed)
     * @param rollbackEndAt when its rollback completes, null when it does not roll back
     */
    record Operation(String action, Instant startedAt, Instant endAt, boolean failed, String reason,
                     Instant rollbackEndAt) {
    }

    /**
     * The resources, outputs and parameters of one version of the stack.
     *
     * @param given parameter values given by the caller, merged over updates
     * @param shown parameter values as Heat shows them (text, hidden ones masked)
     */
    record Snapshot(List<ResourceState> resources, Map<String, Object> outputs, Map<String, String> shown,
                    Map<String, Object> given, AddressBook addresses) {

        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), Map.of(), Map.of(), AddressBook.EMPTY);
    }

    /** Heat's stack status at this instant. */
    StackStatus statusAt(Instant now) {
        Operation op = operation;
        StackAction action = StackAction.valueOf(op.action());
        if (now.isBefore(op.endAt())) {
            return StackStatus.of(action, StackPhase.IN_PROGRESS);
        }
        if (!op.failed()) {
            return StackStatus.of(action, StackPhase.COMPLETE);
        }
        if (op.rollbackEndAt() != null) {
            return StackStatus.of(StackAction.ROLLBACK,
                    now.isBefore(op.rollbackEndAt()) ? StackPhase.IN_PROGRESS : StackPhase.COMPLETE);
        }
        return StackStatus.of(action, StackPhase.FAILED);
    }

    boolean goneAt(Instant now) {
        return statusAt(now).is(StackAction.DELETE, StackPhase.COMPLETE);
    }

    /** The version of the stack visible at this instant (the previous one once an update rolled back). */
    Snapshot visibleAt(Instant now) {
        if (statusAt(now).is(StackAction.ROLLBACK, StackPhase.COMPLETE)) {
            return operation.action().equals("UPDATE") && previous != null ? previous : Snapshot.EMPTY;
        }
        return current;
    }

    Stack viewAt(Instant now) {
        StackStatus status = statusAt(now);
        Snapshot visible = visibleAt(now);
        String reason = switch (status.phase()) {
            case IN_PROGRESS -> status.action() == StackAction.ROLLBACK ? operation.reason()
                    : "Stack " + operation.action() + " started";
            case COMPLETE -> "Stack " + status.action() + " completed successfully";
            default -> operation.reason();
        };
        boolean complete = status.phase() == StackPhase.COMPLETE;
        Instant settled = status.phase() == StackPhase.IN_PROGRESS ? null
                : status.action() == StackAction.ROLLBACK ? operation.rollbackEndAt() : operation.endAt();
        return new Stack(id, name, status, reason, complete ? visible.outputs() : Map.of(),
                new java.util.LinkedHashMap<String, Object>(visible.shown()), settled);
    }

    /** This stack with the action's outcome made permanent, ready for the next action. */
    StackState settledAt(Instant now) {
        Snapshot visible = visibleAt(now);
        List<ResourceState> remaining = visible.resources().stream().filter(r -> !r.goneAt(now)).toList();
        return new StackState(id, name, spec, timeoutMinutes, disableRollback, serial, operation,
                new Snapshot(remaining, visible.outputs(), visible.shown(), visible.given(), visible.addresses()), null);
    }
}
