package dev.magnetar.core.port;

/**
 * The action part of a Heat stack status ({@code CREATE} in {@code CREATE_COMPLETE}), as Heat's
 * {@code Stack.ACTIONS} names them. {@link #UNRECOGNISED} stands for anything else a cloud reports:
 * no cluster waits for it, so the reconcile loop leaves such a stack alone rather than guess.
 */
public enum StackAction {
    INIT, CREATE, UPDATE, DELETE, ROLLBACK, SUSPEND, RESUME, ADOPT, SNAPSHOT, CHECK, RESTORE, UNRECOGNISED
}
