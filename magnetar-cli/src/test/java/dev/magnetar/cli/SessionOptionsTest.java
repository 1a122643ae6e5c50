package dev.magnetar.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The root options: endpoint, identity headers and microversion, from flags or the environment. */
class SessionOptionsTest extends CliAgainstFakeMagnum {

    @BeforeEach
    void stubAnEmptyClusterList() {
        server.on("GET", "/v1/clusters", 200, "{\"clusters\": []}");
    }

    @Test
    void withoutCredentialsOnlyTheMicroversionAndAcceptHeadersAreSent() {
        assertThat(new CliRunner(server).run("cluster-list").exit()).isZero();

        FakeMagnum.Request request = server.only("GET");
        assertThat(request.header("OpenStack-API-Version")).isEqualTo("container-infra latest");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("X-Auth-Token")).isNull();
        assertThat(request.header("X-Project-Id")).isNull();
        assertThat(request.header("X-Roles")).isNull();
    }

    @Test
    void theEnvironmentSuppliesTokenAndNoauthIdentity() {
        new CliRunner(server).env("OS_TOKEN", "gAAAA-token").env("MAGNETAR_PROJECT_ID", "p-demo")
                .env("MAGNETAR_ROLES", "member,reader").run("cluster-list");

        FakeMagnum.Request request = server.only("GET");
        assertThat(request.header("X-Auth-Token")).isEqualTo("gAAAA-token");
        assertThat(request.header("X-Project-Id")).isEqualTo("p-demo");
        assertThat(request.header("X-Roles")).isEqualTo("member,reader");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        new CliRunner(server).env("OS_TOKEN", "from-env").env("MAGNETAR_URL", "http://127.0.0.1:1")
                .run("--url", server.url() + "/v1/", "--os-token", "from-flag", "--project-id", "p-admin",
                        "--roles", "admin", "--api-version", "1.6", "cluster-list");

        FakeMagnum.Request request = server.only("GET");
        assertThat(request.target()).isEqualTo("/v1/clusters");
        assertThat(request.header("X-Auth-Token")).isEqualTo("from-flag");
        assertThat(request.header("X-Project-Id")).isEqualTo("p-admin");
        assertThat(request.header("X-Roles")).isEqualTo("admin");
        assertThat(request.header("OpenStack-API-Version")).isEqualTo("container-infra 1.6");
    }

    @Test
    void theNoauthProjectVariableDoesNotFillInASubcommandsProjectOption() {
        server.on("GET", "/v1/quotas/p-other/Cluster", 200,
                "{\"project_id\": \"p-other\", \"resource\": \"Cluster\", \"hard_limit\": 5}");
        CliRunner cli = new CliRunner(server).env("MAGNETAR_PROJECT_ID", "p-mine");

        CliRunner.Result missing = cli.run("quotas-show", "--resource", "Cluster");
        CliRunner.Result shown = cli.run("quotas-show", "--project-id", "p-other", "--resource", "Cluster");

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--project-id");
        assertThat(shown.exit()).isZero();
        assertThat(server.only("GET").header("X-Project-Id")).isEqualTo("p-mine");
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() {
        new CliRunner(server).env("OS_TOKEN", "").run("cluster-list");

        assertThat(server.only("GET").header("X-Auth-Token")).isNull();
    }
}
