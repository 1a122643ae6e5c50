package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code quotas-create} and {@code quotas-update}. Both send the whole quota
 * ({@code project_id}, {@code resource}, {@code hard_limit}): Magnum's quota PATCH takes the object,
 * not a JSON patch.
 */
@Command
public final class QuotaWriteCommand implements Callable<Integer> {

    /** Which of the two writes this command makes. */
    public enum Mode { CREATE, UPDATE }

    private final CliContext context;
    private final Mode mode;

    @Mixin
    QuotaKey key;

    @Option(names = "--hard-limit", paramLabel = "<hard-limit>", defaultValue = "1",
            description = "Maximum number of the resource (default: ${DEFAULT-VALUE}).")
    int hardLimit;

    public QuotaWriteCommand(CliContext context, Mode mode) {
        this.context = context;
        this.mode = mode;
    }

    @Override
    public Integer call() {
        ObjectNode quota = context.json().createObjectNode()
                .put("project_id", key.projectId)
                .put("resource", key.resource)
                .put("hard_limit", hardLimit);
        var response = mode == Mode.CREATE
                ? context.client().post(ApiPath.v1("quotas"), quota)
                : context.client().patch(key.path(), quota);
        context.output().resource(response.body());
        return 0;
    }
}
