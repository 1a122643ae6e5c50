package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.error.CommandError;
import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code baymodel-list}, {@code bay-list}, {@code cluster-template-list}, {@code cluster-list}. */
@Command
public final class ListCommand implements Callable<Integer> {

    private final CliContext context;
    private final ResourceType type;
    private final List<String> columns;

    @Mixin
    PageOptions page;

    @Option(names = "--fields", paramLabel = "<fields>", split = ",",
            description = "Comma-separated list of fields to display besides the default columns.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--detail", description = "Ask for the detailed view of every item.")
    boolean detail;

    public ListCommand(CliContext context, ResourceType type, List<String> columns) {
        this.context = context;
        this.type = type;
        this.columns = List.copyOf(columns);
    }

    @Override
    public Integer call() {
        ApiPath path = page.apply(detail ? type.collection().segment("detail") : type.collection());
        List<JsonNode> items = Pages.fetch(context.client(), path, type.listKey(), page.limit());
        context.output().list(items, columnsFor(items));
        return 0;
    }

    private List<String> columnsFor(List<JsonNode> items) {
        Set<String> chosen = new LinkedHashSet<>(columns);
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            String name = field.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!items.isEmpty() && !items.get(0).has(name)) {
                missing.add(name);
            }
            chosen.add(name);
        }
        if (!missing.isEmpty()) {
            throw new CommandError("Non-existent fields are specified: " + missing
                    + ". Available fields: " + Arrays.toString(fieldNames(items.get(0))));
        }
        return List.copyOf(chosen);
    }

    private static String[] fieldNames(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        names.remove("links");
        return names.toArray(String[]::new);
    }
}
