package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** quotas-*, stats-list and service-list. */
class QuotaStatsServiceTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTA = """
            {"id": 1, "project_id": "p-demo", "resource": "Cluster", "hard_limit": 5,
             "created_at": "2026-11-24T17:00:00+00:00", "updated_at": null}""";

    @Test
    void quotasCreatePostsTheQuotaAndShowsIt() throws Exception {
        server.on("POST", "/v1/quotas", 201, QUOTA);

        CliRunner.Result result = cli.run("quotas-create", "--project-id", "p-demo", "--resource", "Cluster",
                "--hard-limit", "5");

        assertThat(server.only("POST").json())
                .isEqualTo(JSON.readTree("{\"project_id\": \"p-demo\", \"resource\": \"Cluster\", \"hard_limit\": 5}"));
        assertThat(result.out()).contains("| hard_limit | 5 ").contains("| updated_at | - ");
    }

    @Test
    void quotasUpdateSendsTheWholeQuotaRatherThanAPatch() throws Exception {
        server.on("PATCH", "/v1/quotas/p-demo/Cluster", 202, QUOTA);

        cli.run("quotas-update", "--project-id", "p-demo", "--resource", "Cluster");

        assertThat(server.only("PATCH").json())
                .isEqualTo(JSON.readTree("{\"project_id\": \"p-demo\", \"resource\": \"Cluster\", \"hard_limit\": 1}"));
    }

    @Test
    void quotasDeleteReportsTheProjectAndResource() {
        server.on("DELETE", "/v1/quotas/p-demo/Cluster", 204, "");

        CliRunner.Result result = cli.run("quotas-delete", "--project-id", "p-demo", "--resource", "Cluster");

        assertThat(result.out())
                .isEqualTo("Request to delete quota for project id p-demo and resource Cluster has been accepted.\n");
    }

    @Test
    void quotasListAsksForAllTenantsWhenTold() {
        server.on("GET", "/v1/quotas?limit=10&all_tenants=True", 200, "{\"quotas\": [" + QUOTA + "]}");

        CliRunner.Result result = cli.run("quotas-list", "--limit", "10", "--all-tenants");

        assertThat(result.out()).isEqualTo("""
                +------------+----------+------------+
                | project_id | resource | hard_limit |
                +------------+----------+------------+
                | p-demo     | Cluster  | 5          |
                +------------+----------+------------+
                """);
    }

    @Test
    void statsCanBeAskedForByEitherNameAndForAProject() {
        server.on("GET", "/v1/stats?project_id=p-demo", 200, "{\"clusters\": 2, \"nodes\": 7}");
        server.on("GET", "/v1/stats", 200, "{\"clusters\": 9, \"nodes\": 30}");

        CliRunner.Result mine = cli.run("stats-list", "--project-id", "p-demo");
        CliRunner.Result all = cli.run("stats");

        assertThat(mine.out()).isEqualTo("""
                +----------+-------+
                | Property | Value |
                +----------+-------+
                | clusters | 2     |
                | nodes    | 7     |
                +----------+-------+
                """);
        assertThat(all.out()).contains("| clusters | 9 ");
    }

    @Test
    void serviceListShowsTheConductors() {
        server.on("GET", "/v1/mservices", 200, """
                {"mservices": [{"id": 1, "host": "osh-magnum", "binary": "magnum-conductor", "state": "up",
                  "disabled": false, "disabled_reason": null, "last_seen_up": "2026-11-24T17:07:32+00:00",
                  "forced_down": false, "report_count": 12,
                  "created_at": "2026-11-24T16:55:34+00:00", "updated_at": "2026-11-24T17:07:32+00:00"}]}""");

        CliRunner.Result result = cli.run("service-list");

        assertThat(result.out()).isEqualTo("""
                +----+------------+------------------+-------+----------+-----------------+---------------------------+---------------------------+
                | id | host       | binary           | state | disabled | disabled_reason | created_at                | updated_at                |
                +----+------------+------------------+-------+----------+-----------------+---------------------------+---------------------------+
                | 1  | osh-magnum | magnum-conductor | up    | False    | -               | 2026-11-24T16:55:34+00:00 | 2026-11-24T17:07:32+00:00 |
                +----+------------+------------------+-------+----------+-----------------+---------------------------+---------------------------+
                """);
    }
}
