package dev.magnetar.core.model;

import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;

import static dev.magnetar.core.port.StackAction.*;
import static dev.magnetar.core.port.StackPhase.COMPLETE;
import static dev.magnetar.core.port.StackPhase.FAILED;
import static dev.magnetar.core.port.StackPhase.IN_PROGRESS;

/**
 * Magnum's eighteen cluster statuses; every one is a Heat stack status, an action and a phase.
 * Which status follows which is not decided here but in
 * {@link dev.magnetar.core.status.ClusterLifecycle}.
 */
public enum ClusterStatus {
    CREATE_IN_PROGRESS(CREATE, IN_PROGRESS), CREATE_FAILED(CREATE, FAILED), CREATE_COMPLETE(CREATE, COMPLETE),
    UPDATE_IN_PROGRESS(UPDATE, IN_PROGRESS), UPDATE_FAILED(UPDATE, FAILED), UPDATE_COMPLETE(UPDATE, COMPLETE),
    DELETE_IN_PROGRESS(DELETE, IN_PROGRESS), DELETE_FAILED(DELETE, FAILED), DELETE_COMPLETE(DELETE, COMPLETE),
    RESUME_COMPLETE(RESUME, COMPLETE), RESUME_FAILED(RESUME, FAILED), RESTORE_COMPLETE(RESTORE, COMPLETE),
    ROLLBACK_IN_PROGRESS(ROLLBACK, IN_PROGRESS), ROLLBACK_FAILED(ROLLBACK, FAILED),
    ROLLBACK_COMPLETE(ROLLBACK, COMPLETE),
    SNAPSHOT_COMPLETE(SNAPSHOT, COMPLETE), CHECK_COMPLETE(CHECK, COMPLETE), ADOPT_COMPLETE(ADOPT, COMPLETE);

    private final StackAction action;
    private final StackPhase phase;

    ClusterStatus(StackAction action, StackPhase phase) {
        this.action = action;
        this.phase = phase;
    }

    /** The stack action this status reports on; an in-progress cluster waits for it to end. */
    public StackAction action() {
        return action;
    }

    public StackPhase phase() {
        return phase;
    }

    /** Failed statuses expose {@code faults}. */
    public boolean isFailed() {
        return phase == FAILED;
    }

    /** Statuses the reconcile loop keeps polling: a stack action is under way. */
    public boolean isInProgress() {
        return phase == IN_PROGRESS;
    }

    /** Settled clusters that the monitor polls for health. */
    public boolean isMonitored() {
        return this == CREATE_COMPLETE || this == UPDATE_COMPLETE;
    }
}
