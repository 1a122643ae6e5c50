package dev.magnetar.core.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Magnum's eighteen cluster statuses; every one is a Heat stack status string. Which status may
 * follow which is not decided here but in {@link dev.magnetar.core.status.ClusterStatusMachine}.
 */
public enum ClusterStatus {
    CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_COMPLETE,
    UPDATE_IN_PROGRESS, UPDATE_FAILED, UPDATE_COMPLETE,
    DELETE_IN_PROGRESS, DELETE_FAILED, DELETE_COMPLETE,
    RESUME_COMPLETE, RESUME_FAILED, RESTORE_COMPLETE,
    ROLLBACK_IN_PROGRESS, ROLLBACK_FAILED, ROLLBACK_COMPLETE,
    SNAPSHOT_COMPLETE, CHECK_COMPLETE, ADOPT_COMPLETE;

    private static final Set<ClusterStatus> FAILED =
            EnumSet.of(CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED, ROLLBACK_FAILED, RESUME_FAILED);
    private static final Set<ClusterStatus> IN_PROGRESS =
            EnumSet.of(CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS, ROLLBACK_IN_PROGRESS);
    private static final Set<ClusterStatus> UPDATABLE = EnumSet.of(CREATE_COMPLETE, UPDATE_COMPLETE,
            RESUME_COMPLETE, RESTORE_COMPLETE, ROLLBACK_COMPLETE, SNAPSHOT_COMPLETE, CHECK_COMPLETE, ADOPT_COMPLETE);

    /** Failed statuses expose {@code faults}. */
    public boolean isFailed() {
        return FAILED.contains(this);
    }

    /** Statuses the reconcile loop keeps polling. */
    public boolean isInProgress() {
        return IN_PROGRESS.contains(this);
    }

    /** Statuses from which a cluster may be updated or resized. */
    public boolean allowsUpdate() {
        return UPDATABLE.contains(this);
    }

    /** Settled clusters that the monitor polls for health. */
    public boolean isMonitored() {
        return this == CREATE_COMPLETE || this == UPDATE_COMPLETE;
    }

    /** Parses a Heat stack status; unknown strings are rejected rather than guessed. */
    public static ClusterStatus fromStackStatus(String stackStatus) {
        return valueOf(stackStatus);
    }
}
