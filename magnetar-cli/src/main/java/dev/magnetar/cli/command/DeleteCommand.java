package dev.magnetar.cli.command;

import dev.magnetar.cli.http.ApiException;
import dev.magnetar.cli.wait.StatusWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code *-delete <ident>...}: asks for each deletion in turn, reporting a failure without giving up
 * on the rest; the exit status is 1 if any of them failed. With {@code --wait} (bays and clusters) it
 * then waits until every accepted one is gone.
 */
@Command
public final class DeleteCommand implements Callable<Integer> {

    private final CliContext context;
    private final ResourceType type;

    @Parameters(arity = "1..*", paramLabel = "<ident>", description = "Names or uuids to delete.")
    List<String> idents;

    @Mixin
    WaitOption waitOption;

    public DeleteCommand(CliContext context, ResourceType type) {
        this.context = context;
        this.type = type;
    }

    @Override
    public Integer call() {
        int exit = 0;
        List<String> accepted = new ArrayList<>();
        for (String ident : idents) {
            try {
                context.client().delete(type.item(ident));
                context.output().line("Request to delete " + type.noun() + " " + ident + " has been accepted.");
                accepted.add(ident);
            } catch (ApiException e) {
                context.output().error("Delete for " + type.noun() + " " + ident + " failed: " + e.getMessage());
                exit = 1;
            }
        }
        if (waitOption.enabled) {
            for (String ident : accepted) {
                exit = Math.max(exit, context.waiter().await(type.item(ident), type.faultsField(), StatusWaiter.Goal.GONE));
            }
        }
        return exit;
    }
}
