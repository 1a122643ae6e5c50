package dev.magnetar.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.ConcurrentRequests;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.Fixtures;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL database: an API-only replica takes requests, a conductor replica
 * does the work, and either one answers for the same clusters.
 */
class TwoReplicasIT {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static String database;
    private static TestServer apiOnly;
    private static TestServer conductor;

    @BeforeAll
    static void start() throws SQLException {
        database = "magnetar_replicas_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_DATABASES"))) {
                throw unreachable;
            }
            Assumptions.abort("PostgreSQL is not reachable: " + unreachable.getMessage());
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        apiOnly = TestServer.start(Map.of(Option.DATABASE_URL, url, Option.DATABASE_USER, "postgres",
                Option.DATABASE_MIGRATE_ON_START, "true", Option.CONDUCTOR_WORKERS, "0",
                Option.CONDUCTOR_HOST, "api-replica"));
        conductor = TestServer.start(Map.of(Option.DATABASE_URL, url, Option.DATABASE_USER, "postgres",
                Option.CONDUCTOR_WORKERS, "2", Option.CONDUCTOR_HOST, "conductor-replica"));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (apiOnly != null) {
            apiOnly.close();
        }
        if (conductor != null) {
            conductor.close();
        }
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void two_hundred_concurrent_creates_on_both_replicas_against_a_quota_of_20_accept_exactly_20() throws Exception {
        String project = "quota-" + Long.toHexString(System.nanoTime());
        Api[] replicas = {apiOnly.api().as(project, "member"), conductor.api().as(project, "member")};
        Api.Response quota = apiOnly.api().as(project, "admin")
                .post("/v1/quotas", Map.of("project_id", project, "resource", "Cluster", "hard_limit", 20));
        assertThat(quota.status()).as(quota.toString()).isEqualTo(201);
        Api.Response template = replicas[0].post("/v1/clustertemplates", Fixtures.template("quota"));
        assertThat(template.status()).as(template.toString()).isEqualTo(201);
        String templateUuid = template.json().get("uuid").asText();

        List<Api.Response> answers = ConcurrentRequests.race(200, i -> replicas[i % 2]
                .post("/v1/clusters", Fixtures.cluster("c" + i, templateUuid)));

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
        assertThat(byStatus).as("answers by status").containsExactlyInAnyOrderEntriesOf(Map.of(202, 20L, 403, 180L));
        assertThat(replicas[1].get("/v1/clusters?limit=1000").json().get("clusters")).hasSize(20);
    }

    @Test
    void a_cluster_requested_on_one_replica_is_built_by_the_other() {
        Api front = apiOnly.api();
        Api.Response created = front.post("/v1/clustertemplates", Fixtures.template("shared"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String template = created.json().get("uuid").asText();
        String uuid = front.post("/v1/clusters", Fixtures.cluster("c1", template)).json().get("uuid").asText();

        JsonNode done = Eventually.await("CREATE_COMPLETE seen through the API-only replica", Duration.ofSeconds(30),
                () -> front.get("/v1/clusters/" + uuid).json(), c -> c.path("status").asText().equals("CREATE_COMPLETE"));
        assertThat(done.get("api_address").asText()).isNotBlank();
        assertThat(conductor.api().get("/v1/clusters/" + uuid).json().get("status").asText()).isEqualTo("CREATE_COMPLETE");

        JsonNode services = front.get("/v1/mservices").json().get("mservices");
        assertThat(services.findValuesAsText("host")).containsExactly("conductor-replica");
    }

    @Test
    void a_template_list_kept_by_one_replica_shows_a_write_through_the_other_at_once() {
        Api front = apiOnly.api().as("replicas-list", "member");
        Api back = conductor.api().as("replicas-list", "member");
        String uuid = front.post("/v1/clustertemplates", Fixtures.template("listed")).json().get("uuid").asText();
        assertThat(names(front.get("/v1/clustertemplates")))
                .containsExactly("listed");
        assertThat(names(front.get("/v1/clustertemplates")))
                .as("kept as rendered").containsExactly("listed");

        Api.Response renamed = back.patch("/v1/clustertemplates/" + uuid,
                List.of(Map.of("op", "replace", "path", "/name", "value", "renamed")));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(names(front.get("/v1/clustertemplates")))
                .containsExactly("renamed");

        assertThat(back.delete("/v1/clustertemplates/" + uuid).status()).isEqualTo(204);
        assertThat(front.get("/v1/clustertemplates").json().get("clustertemplates")).isEmpty();
    }

    private static List<String> names(Api.Response list) {
        List<String> names = new java.util.ArrayList<>();
        list.json().get("clustertemplates").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }
}
