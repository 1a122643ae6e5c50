package dev.magnetar.core.port;

import java.util.List;
import java.util.Optional;

/**
 * The orchestration port: OpenStack Heat in production, the simulated cloud by default.
 * Every call is safe to repeat: creating a stack whose name exists is the caller's job to avoid
 * by {@link #find}, deleting a missing stack succeeds, and updating a stack that is already being
 * updated raises {@link OrchestratorException.Kind#CONFLICT}.
 */
public interface Orchestrator {

    /** Starts creating the stack and returns its id at once. */
    String create(StackRequest request);

    /** The stack with this name, if it exists (in any status but DELETE_COMPLETE). */
    Optional<Stack> find(String name, StackCredential credential);

    /** Starts an in-place update of an existing stack. */
    void update(String name, String id, StackUpdate update, StackCredential credential);

    /** Starts deleting the stack; a stack that is already gone is not an error. */
    void delete(String name, String id, StackCredential credential);

    /** The resources of the stack and of its nested stacks, to {@code nestedDepth} levels. */
    List<StackResource> resources(String name, String id, int nestedDepth, StackCredential credential);

    /**
     * Asks to be told, once, when the action now in flight on the stack settles, where the
     * orchestrator can tell: the simulated one knows when each of its stacks settles; Heat without a
     * notification service cannot, and does nothing here. Only a shortcut: whoever asks still finds
     * the stack settled by polling {@link #find}. The callback runs on the orchestrator's thread and
     * must only hand the news on.
     */
    default void whenSettled(String name, String id, Runnable settled) {
    }
}
