package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.MonitorAccountRepository.SealedSession;

/**
 * What one poll found, to be stored on the cluster: its health report, what became of the
 * monitor's session, and the CA the poll pinned.
 *
 * @param polled   the cluster as read just before the poll; the report is stored on it if it is still
 *                 the stored version
 * @param pinnedCa the CA certificate (PEM) the poll fetched and pinned for a cluster that had none, or null
 */
record HealthUpdate(Cluster polled, HealthReport report, SessionChange session, String pinnedCa) {

    /** An update that pins no CA. */
    HealthUpdate(Cluster polled, HealthReport report, SessionChange session) {
        this(polled, report, session, null);
    }

    String clusterUuid() {
        return polled.uuid();
    }

    /** The cluster with the report's fields applied: health, reason, and the version if reported. */
    Cluster appliedTo(Cluster cluster) {
        return cluster.toBuilder()
                .healthStatus(report.status())
                .healthStatusReason(report.reason())
                .coeVersion(report.coeVersion() != null ? report.coeVersion() : cluster.observed().coeVersion())
                .build();
    }

    /** True when storing this on the cluster as polled would change nothing. */
    boolean changesNothing() {
        return session == SessionChange.NONE && pinnedCa == null && appliedTo(polled).equals(polled);
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
