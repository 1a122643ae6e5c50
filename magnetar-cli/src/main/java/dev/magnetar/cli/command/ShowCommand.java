package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code *-show}: one resource as a Property/Value table. For bays and clusters {@code --long} adds
 * the template they were made from, as the Magnum client does.
 */
@Command
public final class ShowCommand implements Callable<Integer> {

    private final CliContext context;
    private final ResourceType type;

    @Parameters(index = "0", paramLabel = "<ident>", description = "Name or uuid.")
    String ident;

    @Option(names = "--long", description = "Also show the template (bays and clusters only).")
    boolean longFormat;

    public ShowCommand(CliContext context, ResourceType type) {
        this.context = context;
        this.type = type;
    }

    @Override
    public Integer call() {
        JsonNode resource = context.client().get(type.item(ident)).body();
        if (longFormat && type.template() != null && resource.path(type.templateIdField()).isTextual()) {
            ObjectNode template = (ObjectNode) context.client()
                    .get(type.template().item(resource.path(type.templateIdField()).asText())).body();
            template.remove("links");
            template.remove("uuid");
            ((ObjectNode) resource).set(type.templateKey(), template);
        }
        context.output().resource(resource);
        return 0;
    }
}
