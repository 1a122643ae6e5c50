package dev.magnetar.cli.command;

import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code stats-list}: how many clusters and nodes a project (or, for an admin, everyone) has. */
@Command
public final class StatsListCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--project-id", paramLabel = "<project-id>", description = "Project to count (admins only for others).")
    String projectId;

    public StatsListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.output().resource(context.client().get(ApiPath.v1("stats").query("project_id", projectId)).body());
        return 0;
    }
}
