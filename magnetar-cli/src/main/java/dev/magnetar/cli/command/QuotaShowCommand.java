package dev.magnetar.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code quotas-show --project-id P --resource R}. */
@Command
public final class QuotaShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    QuotaKey key;

    public QuotaShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.output().resource(context.client().get(key.path()).body());
        return 0;
    }
}
