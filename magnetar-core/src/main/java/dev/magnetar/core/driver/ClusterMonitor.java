package dev.magnetar.core.driver;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;

/**
 * A driver's view into a running COE: polls the cluster's own endpoints and says whether it really
 * works. Called periodically for settled clusters, from any conductor replica; must be safe to call
 * concurrently for different clusters and must never block longer than the context's timeout.
 */
public interface ClusterMonitor {

    /**
     * Polls the cluster. Unreachable clusters are reported as {@link HealthReport#unknown}, never
     * thrown; an exception means a bug in the monitor.
     */
    HealthReport poll(ClusterTemplate template, Cluster cluster, MonitorContext context);
}
