package dev.magnetar.server;

import dev.magnetar.server.command.ConfigSampleCommand;
import dev.magnetar.server.command.DbUpgradeCommand;
import dev.magnetar.server.command.ServeCommand;
import dev.magnetar.server.config.Config;
import picocli.CommandLine;

import java.util.Set;

/**
 * The {@code magnetar} executable: the client commands of the CLI module plus the server commands
 * ({@code serve}, {@code db-upgrade}, {@code config-sample}).
 */
public final class Main {

    /** The commands this module adds to the client's. */
    private static final Set<String> SERVER_COMMANDS = Set.of("serve", "db-upgrade", "config-sample");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        // Only the client commands the line names are built: picocli reads each one's annotations.
        CommandLine root = dev.magnetar.cli.MagnetarCli.root(args, SERVER_COMMANDS);
        root.addSubcommand(new ServeCommand());
        root.addSubcommand(new DbUpgradeCommand());
        root.addSubcommand(new ConfigSampleCommand());
        root.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Config.ConfigException) {
                cmd.getErr().println("magnetar: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return root.execute(args);
    }
}
