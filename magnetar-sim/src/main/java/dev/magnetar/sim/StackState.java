package dev.magnetar.sim;

import dev.magnetar.core.port.Stack;
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
    String statusAt(Instant now) {
        Operation op = operation;
        if (now.isBefore(op.endAt())) {
            return op.action() + "_IN_PROGRESS";
        }
        if (!op.failed()) {
            return op.action() + "_COMPLETE";
        }
        if (op.rollbackEndAt() != null) {
            return now.isBefore(op.rollbackEndAt()) ? "ROLLBACK_IN_PROGRESS" : "ROLLBACK_COMPLETE";
        }
        return op.action() + "_FAILED";
    }

    boolean goneAt(Instant now) {
        return statusAt(now).equals("DELETE_COMPLETE");
    }

    /** The version of the stack visible at this instant (the previous one once an update rolled back). */
    Snapshot visibleAt(Instant now) {
        if (statusAt(now).equals("ROLLBACK_COMPLETE")) {
            return operation.action().equals("UPDATE") && previous != null ? previous : Snapshot.EMPTY;
        }
        return current;
    }

    Stack viewAt(Instant now) {
        String status = statusAt(now);
        Snapshot visible = visibleAt(now);
        String reason = switch (status.substring(status.indexOf('_') + 1)) {
            case "IN_PROGRESS" -> status.startsWith("ROLLBACK") ? operation.reason() : "Stack " + operation.action() + " started";
            case "COMPLETE" -> "Stack " + status.substring(0, status.indexOf('_')) + " completed successfully";
            default -> operation.reason();
        };
        boolean complete = status.endsWith("_COMPLETE");
        return new Stack(id, name, status, reason, complete ? visible.outputs() : Map.of(), new java.util.LinkedHashMap<String, Object>(visible.shown()));
    }

    /** This stack with the action's outcome made permanent, ready for the next action. */
    StackState settledAt(Instant now) {
        Snapshot visible = visibleAt(now);
        List<ResourceState> remaining = visible.resources().stream().filter(r -> !r.goneAt(now)).toList();
        return new StackState(id, name, spec, timeoutMinutes, disableRollback, serial, operation,
                new Snapshot(remaining, visible.outputs(), visible.shown(), visible.given(), visible.addresses()), null);
    }
}
