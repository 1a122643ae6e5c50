package dev.magnetar.core.status;

import dev.magnetar.core.model.ClusterStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws {@link ClusterLifecycle} as a Mermaid state diagram, and the page of the docs that shows
 * it ({@code docs/design/cluster-lifecycle.md}), so the picture is always the table.
 */
public final class LifecycleDiagram {

    private LifecycleDiagram() {
    }

    /** A {@code stateDiagram-v2}: one arrow per pair of statuses, labelled with every event along it. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        ClusterLifecycle.entries().forEach((event, first) ->
                out.append("    [*] --> ").append(first).append(" : ").append(event.label()).append('\n'));
        for (ClusterStatus from : ClusterStatus.values()) {
            Map<ClusterStatus, List<String>> arrows = new LinkedHashMap<>();
            ClusterLifecycle.edgesFrom(from).forEach((event, to) ->
                    arrows.computeIfAbsent(to, k -> new ArrayList<>()).add(event.label()));
            arrows.forEach((to, events) -> out.append("    ").append(from).append(" --> ").append(to)
                    .append(" : ").append(String.join(", ", events)).append('\n'));
            if (ClusterLifecycle.isFinal(from)) {
                out.append("    ").append(from).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    /** The whole page: what the diagram shows, the diagram, and the events. */
    public static String markdown() {
        String events = java.util.Arrays.stream(LifecycleEvent.values())
                .map(e -> "| `" + e.name() + "` | " + e.label() + " |")
                .collect(Collectors.joining("\n"));
        String unreachable = ClusterLifecycle.unreachable().stream().map(s -> "`" + s + "`")
                .collect(Collectors.joining(", "));
        return """
                # Cluster lifecycle

                <!-- Generated from ClusterLifecycle by LifecycleDiagram; do not edit. Regenerate with
                     mvn -pl magnetar-core test -Dtest=ClusterLifecycleDiagramTest -Dlifecycle.diagram.write=true -->

                A cluster's status is one of Magnum's eighteen, and moves only along the edges of one table
                in `magnetar-core` (`dev.magnetar.core.status.ClusterLifecycle`): a user's request, the
                answer of the stack the cluster waits for, the clock, or the conductor giving up on an
                operation is an *event*; the table gives the next status or refuses (a 400, as Magnum
                answers a request its cluster's status does not allow). A stack answers only for the
                action the cluster waits for (`CREATE` for `CREATE_IN_PROGRESS`, and so on) or a rollback
                of it; a stack that still shows an earlier action is not an answer. A cluster that reaches
                `DELETE_COMPLETE` is removed.

                Heat may report %s for a stack, and an operator may have set them in the database; this
                service never moves a cluster there, but such a cluster can be updated and deleted.

                ```mermaid
                %s```

                | event | label in the diagram |
                | --- | --- |
                %s
                """.formatted(unreachable, mermaid(), events);
    }
}
