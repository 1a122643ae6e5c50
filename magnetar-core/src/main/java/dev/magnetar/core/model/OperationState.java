package dev.magnetar.core.model;

/** An operation is pending until a worker finishes it; then it is done (or failed for good). */
public enum OperationState {
    PENDING, DONE, FAILED
}
