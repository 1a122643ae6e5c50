package dev.magnetar.core.port;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.OperationKind;

import java.time.Duration;
import java.util.Set;

/**
 * What the conductor and the monitor tell whoever measures them. The core knows no metrics library:
 * the server implements this with Micrometer; every method does nothing by default.
 */
public interface ConductorMetrics {

    ConductorMetrics NONE = new ConductorMetrics() {
    };

    /** How an operation attempt ended. */
    enum OperationOutcome {
        /** Carried out. */
        COMPLETED,
        /** A transient orchestrator error; tried again later. */
        RETRIED,
        /** Refused by the orchestrator or by validation; the cluster was marked failed. */
        REJECTED,
        /** A bug; the operation was given up. */
        FAILED
    }

    default void operationFinished(OperationKind kind, OperationOutcome outcome) {
    }

    /**
     * One poll of a cluster's COE.
     *
     * @param coe     the cluster template's COE
     * @param failed  the poll could not judge the cluster (unreachable, or the monitor threw)
     */
    default void monitorPolled(String coe, Duration latency, boolean failed) {
    }

    /** The latest health of a cluster this replica monitors, with its utilisation figures. */
    default void clusterHealth(Cluster cluster, String coe, HealthReport report) {
    }

    /** The clusters this replica monitors now; any other cluster's figures are stale and dropped. */
    default void retainClusters(Set<String> clusterUuids) {
    }

    /** One sweep over the clusters of this replica. */
    default void sweepFinished(Duration took, int polled) {
    }
}
