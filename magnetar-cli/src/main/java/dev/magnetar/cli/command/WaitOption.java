package dev.magnetar.cli.command;

import picocli.CommandLine.Option;

/** {@code --wait} on the commands that start a bay or cluster operation. */
public final class WaitOption {

    @Option(names = "--wait", description = "Poll until the operation settles, printing each status change; "
            + "exit 1 if it ends in a *_FAILED status.")
    boolean enabled;
}
