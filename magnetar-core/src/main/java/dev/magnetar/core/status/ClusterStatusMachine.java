package dev.magnetar.core.status;

import dev.magnetar.core.model.ClusterStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.magnetar.core.model.ClusterStatus.*;

/**
 * The one transition table for cluster status. Commands (create, update, delete) and the reconcile
 * loop (what Heat reports) move clusters only along these edges; anything else is a bug and is
 * refused with {@link IllegalTransitionException}.
 */
public final class ClusterStatusMachine {

    private static final Map<ClusterStatus, Set<ClusterStatus>> TABLE = new EnumMap<>(ClusterStatus.class);

    static {
        Set<ClusterStatus> settled = EnumSet.of(CREATE_COMPLETE, UPDATE_COMPLETE, RESUME_COMPLETE, RESTORE_COMPLETE,
                ROLLBACK_COMPLETE, SNAPSHOT_COMPLETE, CHECK_COMPLETE, ADOPT_COMPLETE);
        // A create settles as Heat reports it, times out, or is deleted while in flight.
        allow(CREATE_IN_PROGRESS, CREATE_COMPLETE, CREATE_FAILED, ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETE,
                ROLLBACK_FAILED, DELETE_IN_PROGRESS);
        allow(UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED, ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETE,
                ROLLBACK_FAILED, DELETE_IN_PROGRESS);
        allow(ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETE, ROLLBACK_FAILED, DELETE_IN_PROGRESS);
        allow(DELETE_IN_PROGRESS, DELETE_COMPLETE, DELETE_FAILED);
        // Settled clusters may be updated (scaled) or deleted; Heat may also report out-of-band actions.
        for (ClusterStatus s : settled) {
            allow(s, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS);
            allow(s, settled.toArray(ClusterStatus[]::new));
        }
        // Failed clusters can only be deleted (a delete may be retried), or recover if Heat says so.
        for (ClusterStatus s : EnumSet.of(CREATE_FAILED, UPDATE_FAILED, ROLLBACK_FAILED, RESUME_FAILED, DELETE_FAILED)) {
            allow(s, DELETE_IN_PROGRESS);
        }
        allow(UPDATE_FAILED, UPDATE_IN_PROGRESS, UPDATE_COMPLETE);
        allow(DELETE_COMPLETE);
    }

    private ClusterStatusMachine() {
    }

    private static void allow(ClusterStatus from, ClusterStatus... to) {
        TABLE.computeIfAbsent(from, k -> EnumSet.noneOf(ClusterStatus.class)).addAll(Set.of(to));
    }

    /** True when a cluster may move from {@code from} to {@code to}; staying put is always allowed. */
    public static boolean allows(ClusterStatus from, ClusterStatus to) {
        return from == to || TABLE.getOrDefault(from, Set.of()).contains(to);
    }

    /** Returns {@code to} when the move is legal, else throws. */
    public static ClusterStatus transition(ClusterStatus from, ClusterStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
        return to;
    }

    /** Every legal successor of a status (the table as data, for tests and docs). */
    public static Set<ClusterStatus> successors(ClusterStatus from) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(from, EnumSet.noneOf(ClusterStatus.class)));
    }

    /** Thrown when code tries to move a cluster along an edge the table does not have. */
    public static final class IllegalTransitionException extends IllegalStateException {
        public IllegalTransitionException(ClusterStatus from, ClusterStatus to) {
            super("Cluster status cannot move from " + from + " to " + to);
        }
    }
}
