package dev.magnetar.core.port;

/**
 * The cloud Magnetar drives: the simulated one (embedded default) or OpenStack. One place that
 * decides which adapters fill the core's ports.
 */
public interface Backend extends AutoCloseable {

    Orchestrator orchestrator();

    CloudCatalogue catalogue();

    ClusterCredentials credentials();

    DeploymentContexts deploymentContexts();

    /**
     * Where the monitor reaches each cluster's COE: its {@code api_address}, unless the backend serves
     * stand-in COE endpoints of its own (the simulated cloud).
     */
    default MonitorTargets monitorTargets() {
        return MonitorTargets.API_ADDRESS;
    }

    /** One line for the start-up banner, e.g. "SIMULATED cloud (nothing real is created)". */
    String describe();

    @Override
    default void close() {
    }
}
