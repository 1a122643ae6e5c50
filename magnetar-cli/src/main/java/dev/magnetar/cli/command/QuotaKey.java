package dev.magnetar.cli.command;

import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Option;

/** A quota is addressed by project and resource: {@code /v1/quotas/<project_id>/<resource>}. */
public final class QuotaKey {

    @Option(names = "--project-id", required = true, paramLabel = "<project-id>", description = "The project.")
    String projectId;

    @Option(names = "--resource", required = true, paramLabel = "<resource>", description = "The resource, e.g. Cluster.")
    String resource;

    ApiPath path() {
        return ApiPath.v1("quotas", projectId, resource);
    }
}
