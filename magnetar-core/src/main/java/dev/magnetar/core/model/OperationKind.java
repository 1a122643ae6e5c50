package dev.magnetar.core.model;

/** What an operation asks the orchestrator to do for one cluster. */
public enum OperationKind {
    CREATE_CLUSTER, UPDATE_CLUSTER, UPGRADE_CLUSTER, DELETE_CLUSTER,
    /** The stack's template changes with the spec: a node group was added or removed. */
    RESTACK_CLUSTER
}
