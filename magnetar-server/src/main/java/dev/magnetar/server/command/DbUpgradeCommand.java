package dev.magnetar.server.command;

import dev.magnetar.server.wiring.MagnetarService;
import picocli.CommandLine;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code magnetar db-upgrade}: applies the database migrations and exits. */
@CommandLine.Command(name = "db-upgrade", mixinStandardHelpOptions = true,
        description = "Apply database migrations to the configured database, then exit.")
public final class DbUpgradeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() {
        String applied = MagnetarService.migrate(server.load(Map.of()));
        System.out.println(applied);
        return 0;
    }
}
