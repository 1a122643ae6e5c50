package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code service-list}: the conductors the server knows and whether they are up (admin only). */
@Command
public final class ServiceListCommand implements Callable<Integer> {

    static final List<String> COLUMNS =
            List.of("id", "host", "binary", "state", "disabled", "disabled_reason", "created_at", "updated_at");

    private final CliContext context;

    public ServiceListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<JsonNode> services = new ArrayList<>();
        context.client().get(ApiPath.v1("mservices")).body().path("mservices").forEach(services::add);
        context.output().list(services, COLUMNS);
        return 0;
    }
}
