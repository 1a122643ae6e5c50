package dev.magnetar.core.port;

/**
 * One resource of a stack, nested stacks included.
 *
 * @param path   the logical path through nested stacks, e.g. {@code dcos_agents/0/agent_wait}
 * @param status the resource's status, parsed by the orchestrator adapter as a stack's is
 */
public record StackResource(String path, String type, StackStatus status, String statusReason) {

    public StackResource {
        java.util.Objects.requireNonNull(status, "status");
    }

    public boolean isFailed() {
        return status.phase() == StackPhase.FAILED;
    }

    public boolean isInProgress() {
        return status.isInProgress();
    }
}
