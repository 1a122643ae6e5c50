package dev.magnetar.core.status;

import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.port.StackPhase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.magnetar.core.model.ClusterStatus.*;
import static dev.magnetar.core.status.LifecycleEvent.*;

/**
 * The cluster lifecycle as one {@code (status, event) -> status} table, built once. Callers send an
 * event and the table answers the next status, or refuses; nothing else chooses a cluster's next
 * status. {@code docs/design/cluster-lifecycle.md} draws it (regenerated from here by a test).
 * <p>
 * A new cluster enters through {@link LifecycleEvent#CREATE_REQUESTED}; a cluster whose delete
 * completes reaches {@link ClusterStatus#DELETE_COMPLETE}, where its row is removed.
 */
public final class ClusterLifecycle {

    /** Where a new cluster starts, by the event that made it. */
    private static final Map<LifecycleEvent, ClusterStatus> ENTRY =
            Collections.unmodifiableMap(new EnumMap<>(Map.of(CREATE_REQUESTED, CREATE_IN_PROGRESS)));

    private static final Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> TABLE = build();

    private ClusterLifecycle() {
    }

    private static Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> build() {
        Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> table = new EnumMap<>(ClusterStatus.class);
        for (ClusterStatus status : ClusterStatus.values()) {
            table.put(status, new EnumMap<>(LifecycleEvent.class));
        }
        // A stack action under way ends as its stack says, as Heat rolls it back, or by the clock.
        edge(table, CREATE_IN_PROGRESS, STACK_COMPLETE, CREATE_COMPLETE);
        edge(table, UPDATE_IN_PROGRESS, STACK_COMPLETE, UPDATE_COMPLETE);
        edge(table, ROLLBACK_IN_PROGRESS, STACK_COMPLETE, ROLLBACK_COMPLETE);
        edge(table, DELETE_IN_PROGRESS, STACK_COMPLETE, DELETE_COMPLETE);
        for (LifecycleEvent failure : EnumSet.of(STACK_FAILED, STACK_GONE, TIMED_OUT)) {
            edge(table, CREATE_IN_PROGRESS, failure, CREATE_FAILED);
            edge(table, UPDATE_IN_PROGRESS, failure, UPDATE_FAILED);
            edge(table, ROLLBACK_IN_PROGRESS, failure, ROLLBACK_FAILED);
        }
        // A delete fails only as Heat says: it has no timeout, and a stack gone is a delete done.
        edge(table, DELETE_IN_PROGRESS, STACK_FAILED, DELETE_FAILED);
        edge(table, DELETE_IN_PROGRESS, STACK_GONE, DELETE_COMPLETE);
        for (ClusterStatus rollingBack : EnumSet.of(CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS)) {
            edge(table, rollingBack, STACK_ROLLING_BACK, ROLLBACK_IN_PROGRESS);
            edge(table, rollingBack, STACK_ROLLED_BACK, ROLLBACK_COMPLETE);
            edge(table, rollingBack, STACK_ROLLBACK_FAILED, ROLLBACK_FAILED);
        }
        // The conductor gave up before the orchestrator started the action.
        edge(table, CREATE_IN_PROGRESS, CREATE_REFUSED, CREATE_FAILED);
        edge(table, UPDATE_IN_PROGRESS, UPDATE_REFUSED, UPDATE_FAILED);
        edge(table, DELETE_IN_PROGRESS, DELETE_REFUSED, DELETE_FAILED);
        // A settled cluster may be changed; any cluster but a deleted one may be deleted (again).
        for (ClusterStatus status : ClusterStatus.values()) {
            if (status.phase() == StackPhase.COMPLETE && status != DELETE_COMPLETE) {
                for (LifecycleEvent update : EnumSet.of(UPDATE_REQUESTED, RESIZE_REQUESTED, UPGRADE_REQUESTED)) {
                    edge(table, status, update, UPDATE_IN_PROGRESS);
                }
            }
            if (status != DELETE_COMPLETE) {
                edge(table, status, DELETE_REQUESTED, DELETE_IN_PROGRESS);
            }
        }
        // An upgrade that failed part way is asked for again: it resumes where it stopped (the nodes already on the
        // new release pass their step at once). Only after a failed upgrade: ClusterService checks the cause.
        edge(table, UPDATE_FAILED, UPGRADE_REQUESTED, UPDATE_IN_PROGRESS);
        table.replaceAll((status, edges) -> Collections.unmodifiableMap(edges));
        return Collections.unmodifiableMap(table);
    }

    private static void edge(Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> table, ClusterStatus from,
                             LifecycleEvent event, ClusterStatus to) {
        ClusterStatus before = table.get(from).put(event, to);
        if (before != null) {
            throw new IllegalStateException("Two edges for " + from + " on " + event);
        }
    }

    /** The status a new cluster starts in, for the event that makes it. */
    public static ClusterStatus start(LifecycleEvent event) {
        ClusterStatus first = ENTRY.get(event);
        if (first == null) {
            throw new IllegalArgumentException(event + " does not make a cluster");
        }
        return first;
    }

    /** The next status, or empty when the table has no edge for the event from {@code from}. */
    public static Optional<ClusterStatus> next(ClusterStatus from, LifecycleEvent event) {
        return Optional.ofNullable(TABLE.get(from).get(event));
    }

    /** The next status; a missing edge is refused with {@link TransitionRefusedException}. */
    public static ClusterStatus transition(ClusterStatus from, LifecycleEvent event) {
        return next(from, event).orElseThrow(() -> new TransitionRefusedException(from, event));
    }

    public static boolean accepts(ClusterStatus from, LifecycleEvent event) {
        return TABLE.get(from).containsKey(event);
    }

    /** True when the status ends the lifecycle: the cluster's row is removed. */
    public static boolean isFinal(ClusterStatus status) {
        return TABLE.get(status).isEmpty();
    }

    /** Statuses that wait for a stack action and so are reconciled: those the stack's answers move on. */
    public static Set<ClusterStatus> awaitingStack() {
        Set<ClusterStatus> awaiting = EnumSet.noneOf(ClusterStatus.class);
        TABLE.forEach((status, edges) -> {
            if (edges.containsKey(STACK_COMPLETE)) {
                awaiting.add(status);
            }
        });
        return Collections.unmodifiableSet(awaiting);
    }

    /** Every edge out of a status, by event (the table as data, for tests and the diagram). */
    public static Map<LifecycleEvent, ClusterStatus> edgesFrom(ClusterStatus from) {
        return TABLE.get(from);
    }

    /** The events that make a cluster, with the status each starts it in. */
    public static Map<LifecycleEvent, ClusterStatus> entries() {
        return ENTRY;
    }

    /** Statuses no edge leads to: Heat may report them, but this service never moves a cluster there. */
    public static Set<ClusterStatus> unreachable() {
        Set<ClusterStatus> unreachable = EnumSet.allOf(ClusterStatus.class);
        ENTRY.values().forEach(unreachable::remove);
        TABLE.values().forEach(edges -> edges.values().forEach(unreachable::remove));
        return Collections.unmodifiableSet(unreachable);
    }
}
