package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code cluster-events <cluster>}: the history Magnetar keeps of a cluster (its extension
 * {@code GET /v1/clusters/{ident}/events}). The columns are the events' own fields, in the order the
 * server gives them, so the table follows the server as it grows.
 */
@Command
public final class ClusterEventsCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
    String cluster;

    public ClusterEventsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode body = context.client().get(ResourceType.CLUSTER.item(cluster).segment("events")).body();
        JsonNode events = body.isArray() ? body : body.path("events");
        List<JsonNode> items = new ArrayList<>();
        events.forEach(items::add);
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode event : items) {
            event.fieldNames().forEachRemaining(columns::add);
        }
        columns.remove("links");
        context.output().list(items, List.copyOf(columns));
        return 0;
    }
}
