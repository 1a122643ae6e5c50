package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.http.ApiPath;
import dev.magnetar.cli.http.MagnumClient;
import dev.magnetar.cli.input.PatchBuilder;
import dev.magnetar.cli.wait.StatusWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code *-update <ident> [--rollback] <op> <path=value>...}: sends a JSON patch. A template (and a
 * bay at API 1.1) comes back updated and is shown; a bay or cluster update at 1.2+ is accepted
 * (202) and, with {@code --wait}, followed until it settles.
 */
@Command
public final class UpdateCommand implements Callable<Integer> {

    private final CliContext context;
    private final ResourceType type;

    @Parameters(index = "0", paramLabel = "<ident>", description = "Name or uuid.")
    String ident;

    @Parameters(index = "1", paramLabel = "<op>", description = "Operation: add, replace or remove.")
    String op;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "<attribute>",
            description = "PATH=VALUE to add or replace (VALUE is JSON when it parses), or PATH to remove.")
    List<String> attributes;

    @Option(names = "--rollback", description = "Roll back the stack if the update fails (API 1.3+).")
    boolean rollback;

    @Mixin
    WaitOption waitOption;

    public UpdateCommand(CliContext context, ResourceType type) {
        this.context = context;
        this.type = type;
    }

    @Override
    public Integer call() {
        JsonNode patch = new PatchBuilder(context.json()).build(op, attributes);
        ApiPath path = type.item(ident).query("rollback", rollback ? "True" : null);
        MagnumClient.Response response = context.client().patch(path, patch);
        if (response.status() == 202) {
            context.output().accepted(response.body(),
                    "Request to update " + type.noun() + " " + ident + " has been accepted.");
        } else {
            context.output().resource(response.body());
        }
        if (waitOption.enabled) {
            String uuid = response.body().path("uuid").asText(ident);
            return context.waiter().await(type.item(uuid), type.faultsField(), StatusWaiter.Goal.SETTLED);
        }
        return 0;
    }
}
