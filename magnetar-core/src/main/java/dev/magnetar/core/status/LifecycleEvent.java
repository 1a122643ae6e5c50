package dev.magnetar.core.status;

/**
 * What can happen to a cluster. Users ask for something ({@code *_REQUESTED}), the stack the
 * cluster waits for answers ({@code STACK_*}), the clock runs out, or the
 * conductor gives up on an operation ({@code *_REFUSED}). {@link ClusterLifecycle} says which status
 * each event leads to.
 */
public enum LifecycleEvent {
    /** A user asked for a new cluster. */
    CREATE_REQUESTED("create requested"),
    /** A user asked for a change that needs a stack update. */
    UPDATE_REQUESTED("update requested"),
    /** A user asked for another node count ({@code PATCH node_count} or the resize action). */
    RESIZE_REQUESTED("resize requested"),
    /** A user asked for another template version of the cluster (Magnum's upgrade action). */
    UPGRADE_REQUESTED("upgrade requested"),
    /** A user asked for the cluster to go. */
    DELETE_REQUESTED("delete requested"),
    /** The stack finished the action the cluster waits for. */
    STACK_COMPLETE("stack complete"),
    /** The stack failed the action the cluster waits for. */
    STACK_FAILED("stack failed"),
    /** The orchestrator has no stack for the cluster (never made, or deleted). */
    STACK_GONE("stack gone"),
    /** Heat started rolling back the action the cluster waits for. */
    STACK_ROLLING_BACK("stack rolling back"),
    /** Heat finished rolling back the action the cluster waits for. */
    STACK_ROLLED_BACK("stack rolled back"),
    /** Heat could not roll back the action the cluster waits for. */
    STACK_ROLLBACK_FAILED("stack rollback failed"),
    /** The action ran longer than the cluster's {@code create_timeout}. */
    TIMED_OUT("timed out"),
    /** The conductor could not start the stack create (refused by the orchestrator, or an error). */
    CREATE_REFUSED("create refused"),
    /** The conductor could not start the stack update. */
    UPDATE_REFUSED("update refused"),
    /** The conductor could not start the stack delete. */
    DELETE_REFUSED("delete refused");

    private final String label;

    LifecycleEvent(String label) {
        this.label = label;
    }

    /** How the event reads in the lifecycle diagram. */
    public String label() {
        return label;
    }

    /** True for the events that ask for a stack update of a settled cluster. */
    public boolean isUpdate() {
        return this == UPDATE_REQUESTED || this == RESIZE_REQUESTED || this == UPGRADE_REQUESTED;
    }
}
