package dev.magnetar.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code quotas-delete --project-id P --resource R}: the project falls back to the default limit. */
@Command
public final class QuotaDeleteCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    QuotaKey key;

    public QuotaDeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.client().delete(key.path());
        context.output().line("Request to delete quota for project id " + key.projectId + " and resource "
                + key.resource + " has been accepted.");
        return 0;
    }
}
