package dev.magnetar.core.port;

import dev.magnetar.core.model.ClusterEvent;

import java.util.List;

/** Clusters' event history; appended to in the transaction of the change each event describes. */
public interface ClusterEventRepository {

    void record(ClusterEvent event);

    /** The cluster's events, oldest first, at most {@code limit}, the newest ones when there are more. */
    List<ClusterEvent> listFor(String clusterUuid, int limit);
}
