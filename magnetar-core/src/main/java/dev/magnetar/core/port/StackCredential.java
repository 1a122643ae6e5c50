package dev.magnetar.core.port;

/**
 * What the orchestrator adapter authenticates with for one cluster's stack: the per-cluster
 * credential established at create (an application credential or trust), or none where the
 * backend needs none (the simulated cloud). Its secret is never logged nor returned by the API.
 */
public record StackCredential(String projectId, String id, String secret) {

    public static final StackCredential NONE = new StackCredential(null, null, null);

    @Override
    public String toString() {
        return "StackCredential[projectId=" + projectId + ", id=" + id + ", secret=***]";
    }
}
