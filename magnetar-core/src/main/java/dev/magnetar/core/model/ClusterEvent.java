package dev.magnetar.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a cluster's history: when, what, who and why. Written in the same transaction as the
 * change it describes, so the history never claims a change that did not happen, and kept after the
 * cluster is deleted so the deletion itself can be read back by an operator.
 *
 * @param id           insertion order (0 before it is stored); events are listed by it
 * @param actor        the user id of a request, or {@link #CONDUCTOR} / {@link #MONITOR} for the service
 * @param status       the cluster's status right after the event
 * @param healthStatus the cluster's health right after the event, or null when never monitored
 */
public record ClusterEvent(long id, Instant time, String clusterUuid, String projectId, ClusterEventKind kind,
                           String actor, String reason, ClusterStatus status, HealthStatus healthStatus) {

    public static final String CONDUCTOR = "conductor";
    public static final String MONITOR = "monitor";

    public ClusterEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(clusterUuid, "clusterUuid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
    }

    /** An event about {@code cluster} as it is after the change. */
    public static ClusterEvent of(Cluster cluster, ClusterEventKind kind, String actor, String reason, Instant time) {
        return new ClusterEvent(0, time, cluster.uuid(), cluster.projectId(), kind, actor, reason, cluster.status(),
                cluster.observed().healthStatus());
    }

    /** A status change from {@code before}, with the cluster's reason if it has one. */
    public static ClusterEvent statusChanged(ClusterStatus before, Cluster after, String actor, Instant time) {
        String reason = before + " -> " + after.status()
                + (after.observed().statusReason() == null || after.observed().statusReason().isBlank() ? "" : ": " + after.observed().statusReason());
        return of(after, ClusterEventKind.STATUS_CHANGED, actor, reason, time);
    }
}
