package dev.magnetar.core.model;

/** What happened to a cluster, as its event history lists it. */
public enum ClusterEventKind {
    /** A user asked for the cluster; it starts CREATE_IN_PROGRESS. */
    CREATED,
    /** The cluster's status moved, by a user's request or by what the orchestrator reported. */
    STATUS_CHANGED,
    /** The monitor found the COE's health different from what was stored. */
    HEALTH_CHANGED,
    /** A user asked for a different node count. */
    SCALED,
    /** A user asked for the cluster to move to another template's release (the upgrade action). */
    UPGRADE_REQUESTED,
    /** A node started, finished or failed its part of a stack action (e.g. its upgrade). */
    NODE_STEP,
    /** A user changed labels the driver applies to the running COE without a stack update. */
    LABELS_CHANGED,
    /** A user added, changed or removed a node group. */
    NODE_GROUPS_CHANGED,
    /** The cluster's stack is gone and its row was removed. */
    DELETED;

    /** The lower-case name the API shows ({@code status_changed}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
