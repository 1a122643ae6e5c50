package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code quotas-list}: the caller's quotas, or every project's with {@code --all-tenants} (admin). */
@Command
public final class QuotaListCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("project_id", "resource", "hard_limit");

    private final CliContext context;

    @Mixin
    PageOptions page;

    @Option(names = "--all-tenants", description = "List the quotas of all projects (admin only).")
    boolean allTenants;

    public QuotaListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ApiPath path = page.apply(ApiPath.v1("quotas")).query("all_tenants", allTenants ? "True" : null);
        List<JsonNode> quotas = Pages.fetch(context.client(), path, "quotas", page.limit());
        context.output().list(quotas, COLUMNS);
        return 0;
    }
}
