package dev.magnetar.core.port;

/**
 * The phase part of a Heat stack status ({@code COMPLETE} in {@code CREATE_COMPLETE}).
 * {@link #UNRECOGNISED} goes with {@link StackAction#UNRECOGNISED}.
 */
public enum StackPhase {
    IN_PROGRESS, COMPLETE, FAILED, UNRECOGNISED
}
