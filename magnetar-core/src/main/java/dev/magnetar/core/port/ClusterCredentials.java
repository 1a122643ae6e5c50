package dev.magnetar.core.port;

import dev.magnetar.core.model.Cluster;

/**
 * The per-cluster credential port: established once when a cluster's stack is first created, used
 * for every later orchestrator call of that cluster and by its nodes, revoked when it is deleted.
 * Implementations must be idempotent: establishing twice returns the same credential.
 * An identity service that cannot answer now is an {@link OrchestratorException} of kind
 * {@link OrchestratorException.Kind#TRANSIENT}, which the conductor retries with backoff as it
 * does an unavailable orchestrator; its refusals are {@link OrchestratorException.Kind#REJECTED}.
 */
public interface ClusterCredentials {

    StackCredential establish(Cluster cluster);

    StackCredential of(Cluster cluster);

    void revoke(Cluster cluster);

    /** For backends that authenticate nothing per cluster (the simulated cloud). */
    ClusterCredentials NONE = new ClusterCredentials() {
        @Override
        public StackCredential establish(Cluster cluster) {
            return StackCredential.NONE;
        }

        @Override
        public StackCredential of(Cluster cluster) {
            return StackCredential.NONE;
        }

        @Override
        public void revoke(Cluster cluster) {
        }
    };
}
