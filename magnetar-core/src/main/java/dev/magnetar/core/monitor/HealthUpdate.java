package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.MonitorAccountRepository.SealedSession;

/**
 * What one poll found, to be stored on the cluster: its health report and what became of the
 * monitor's session.
 */
record HealthUpdate(String clusterUuid, HealthReport report, SessionChange session) {

    /** The cluster with the report's fields applied: health, reason, and the version if reported. */
    Cluster appliedTo(Cluster cluster) {
        return cluster.toBuilder()
                .healthStatus(report.status())
                .healthStatusReason(report.reason())
                .coeVersion(report.coeVersion() != null ? report.coeVersion() : cluster.coeVersion())
                .build();
    }

    /** True when storing this on the cluster as read would change nothing. */
    boolean changesNothing(Cluster cluster) {
        return session == SessionChange.NONE && appliedTo(cluster).equals(cluster);
    }

    /** What the poll did to the session kept on the cluster's monitoring account. */
    sealed interface SessionChange {
        /** Nothing: the kept token, if any, is still the one to use. */
        SessionChange NONE = new Unchanged();
        /** The kept token is no longer accepted and no new one was issued. */
        SessionChange FORGET = new Forget();

        static SessionChange keep(SealedSession session) {
            return new Keep(session);
        }

        record Unchanged() implements SessionChange {
        }

        record Forget() implements SessionChange {
        }

        record Keep(SealedSession session) implements SessionChange {
        }
    }
}
