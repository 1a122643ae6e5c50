package dev.magnetar.core.port;

import dev.magnetar.core.driver.DeploymentContext.MonitorAccount;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;

import java.util.Optional;
import java.util.Set;

/**
 * The backend's say in where a cluster is monitored: a real cloud's clusters answer at their
 * {@code api_address}; a simulated cloud serves stand-in COE endpoints on loopback instead and must
 * know which clusters to serve.
 */
public interface MonitorTargets {

    /** Polls each cluster at its {@code api_address}. */
    MonitorTargets API_ADDRESS = (template, cluster, account) -> cluster.observed().apiAddress() == null || cluster.observed().apiAddress().isBlank()
            ? MonitorTarget.none("cluster has no api_address")
            : MonitorTarget.at(cluster.observed().apiAddress());

    /**
     * @param template the cluster's template (its {@code coe} says which endpoints to expect)
     * @param account  the monitoring account the cluster was installed with, if any
     */
    MonitorTarget targetOf(ClusterTemplate template, Cluster cluster, Optional<MonitorAccount> account);

    /** Called at each sweep with every cluster that is monitored now; others may be forgotten. */
    default void retain(Set<String> monitoredClusterUuids) {
    }
}
