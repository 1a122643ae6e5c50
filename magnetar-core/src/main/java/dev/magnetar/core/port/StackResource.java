package dev.magnetar.core.port;

/**
 * One resource of a stack, nested stacks included.
 *
 * @param path the logical path through nested stacks, e.g. {@code dcos_agents/0/agent_wait}
 */
public record StackResource(String path, String type, String status, String statusReason) {

    public boolean isFailed() {
        return status != null && status.endsWith("_FAILED");
    }

    public boolean isInProgress() {
        return status != null && status.endsWith("_IN_PROGRESS");
    }
}
