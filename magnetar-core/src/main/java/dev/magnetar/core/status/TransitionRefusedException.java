package dev.magnetar.core.status;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.model.ClusterStatus;

/**
 * The lifecycle table has no edge for this event from this status. A 400, as Magnum answers a
 * request its cluster's status does not allow; its message is Magnum's for updates.
 */
public final class TransitionRefusedException extends MagnetarException {

    private final ClusterStatus from;
    private final LifecycleEvent event;

    public TransitionRefusedException(ClusterStatus from, LifecycleEvent event) {
        super(ErrorKind.INVALID, event.isUpdate()
                ? "Updating a cluster when status is \"" + from + "\" is not supported."
                : "Cluster status " + from + " does not allow " + event.label() + ".");
        this.from = from;
        this.event = event;
    }

    public ClusterStatus from() {
        return from;
    }

    public LifecycleEvent event() {
        return event;
    }
}
