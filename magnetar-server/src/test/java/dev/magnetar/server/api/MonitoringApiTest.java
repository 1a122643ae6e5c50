package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, events and metrics of the embedded default: DC/OS clusters the simulated cloud completes
 * are served by its simulated DC/OS, and the monitor polls them there, logging in with each
 * cluster's own service account when oauth is on (DC/OS's default).
 */
class MonitoringApiTest {

    static TestServer server;

    Api member;
    Api admin;
    Api stranger;
    String user;
    String templateId;

    @BeforeAll
    static void start() {
        // A request timeout that a loaded machine's TLS handshake to the simulated Admin Router stays well
        // inside; the not-answering test delays its answers far beyond it.
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "1500"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aProjectAndADcosTemplate() {
        String project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        member = server.api().as(project, "member");
        user = project + "-user";
        admin = server.api().as(project, "admin");
        stranger = server.api().as(project + "x", "member");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "dcos");
        template.put("coe", "dcos");
        template.put("image_id", "dcos-centos-7.2");
        template.put("keypair_id", "testkey");
        template.put("external_network_id", "public");
        template.put("flavor_id", "m1.small");
        Api.Response created = member.post("/v1/clustertemplates", template);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        templateId = created.json().get("uuid").asText();
    }

    String createCluster(Map<String, String> labels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "c" + UUID.randomUUID().toString().substring(0, 6));
        body.put("cluster_template_id", templateId);
        body.put("node_count", 2);
        if (!labels.isEmpty()) {
            body.put("labels", labels);
            body.put("merge_labels", true);
        }
        Api.Response accepted = member.post("/v1/clusters", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("uuid").asText();
    }

    JsonNode awaitHealth(String uuid, String health) {
        return Eventually.await(uuid + " " + health, Duration.ofSeconds(60), () -> member.get("/v1/clusters/" + uuid).json(),
                c -> health.equals(c.path("health_status").asText()));
    }

    @Nested
    class Health {

        @Test
        void turns_healthy_after_create_through_the_oauth_login_with_the_version_the_cluster_reports() {
            String uuid = createCluster(Map.of());

            JsonNode cluster = awaitHealth(uuid, "HEALTHY");

            assertThat(cluster.get("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(cluster.get("health_status_reason")).isEmpty();
            assertThat(cluster.get("coe_version").asText()).isEqualTo("2.2.0");
            assertThat(server.dcos().logins(uuid)).as("logged in as the cluster's own service account").isPositive();
            assertThat(member.get("/v1/clusters/" + uuid).body()).doesNotContain("PRIVATE KEY").doesNotContain("magnetar-");
        }

        @Test
        void a_cluster_without_oauth_is_read_without_logging_in() {
            String uuid = createCluster(Map.of("oauth_enabled", "false"));

            awaitHealth(uuid, "HEALTHY");

            assertThat(server.dcos().logins(uuid)).isZero();
        }

        @Test
        void turns_unhealthy_naming_the_component_when_the_simulated_cluster_breaks_and_healthy_when_it_heals() {
            String uuid = createCluster(Map.of());
            awaitHealth(uuid, "HEALTHY");

            Api.Response refused = member.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults", Map.of("marathon_down", true));
            Api.Response broken = admin.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults",
                    Map.of("marathon_down", true, "missing_agents", 1));
            JsonNode unhealthy = awaitHealth(uuid, "UNHEALTHY");
            admin.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults", Map.of());
            awaitHealth(uuid, "HEALTHY");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(broken.status()).as(broken.toString()).isEqualTo(200);
            assertThat(unhealthy.get("health_status_reason").has("marathon")).as(unhealthy.toString()).isTrue();
            assertThat(unhealthy.get("health_status_reason").get("mesos_agents").asText()).isEqualTo("1 of 2 agents active");
        }

        @Test
        void is_unknown_with_the_reason_when_the_cluster_does_not_answer_in_time() {
            String uuid = createCluster(Map.of());
            awaitHealth(uuid, "HEALTHY");

            admin.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults", Map.of("response_delay_ms", 6000));
            JsonNode unknown = awaitHealth(uuid, "UNKNOWN");

            assertThat(unknown.get("health_status_reason").get("cluster").asText()).contains("cannot reach Admin Router");
            assertThat(unknown.get("status").asText()).isEqualTo("CREATE_COMPLETE");
        }

        @Test
        void a_deleted_cluster_is_no_longer_served_nor_polled() {
            String uuid = createCluster(Map.of());
            awaitHealth(uuid, "HEALTHY");

            assertThat(member.delete("/v1/clusters/" + uuid).status()).isEqualTo(204);
            Eventually.await("cluster gone", Duration.ofSeconds(20), () -> member.get("/v1/clusters/" + uuid).status(),
                    s -> s == 404);

            Eventually.await("simulated DC/OS forgets it", Duration.ofSeconds(10), () -> server.dcos().isRegistered(uuid),
                    registered -> !registered);
        }

        @Test
        void the_service_key_is_generated_readable_by_its_owner_only() throws Exception {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve("secret.key"))))
                    .isEqualTo("rw-------");
        }
    }

    @Nested
    class Events {

        @Test
        void lists_the_clusters_history_in_order_with_who_did_what() {
            String uuid = createCluster(Map.of());
            awaitHealth(uuid, "HEALTHY");
            Api.Response resized = member.withVersion("1.7").post("/v1/clusters/" + uuid + "/actions/resize", Map.of("node_count", 3));
            assertThat(resized.status()).as(resized.toString()).isEqualTo(202);
            Eventually.await("resized", Duration.ofSeconds(20), () -> member.get("/v1/clusters/" + uuid).json(),
                    c -> c.path("status").asText().equals("UPDATE_COMPLETE"));

            Api.Response listed = member.get("/v1/clusters/" + uuid + "/events");

            assertThat(listed.status()).isEqualTo(200);
            List<String> lines = new ArrayList<>();
            listed.json().get("events").forEach(e -> lines.add(e.get("kind").asText() + " by " + e.get("actor").asText()
                    + " -> " + e.get("status").asText()));
            assertThat(lines).startsWith(
                    "created by " + user + " -> CREATE_IN_PROGRESS",
                    "status_changed by conductor -> CREATE_COMPLETE",
                    "health_changed by monitor -> CREATE_COMPLETE",
                    "scaled by " + user + " -> UPDATE_IN_PROGRESS",
                    "status_changed by conductor -> UPDATE_COMPLETE");
            JsonNode first = listed.json().get("events").get(0);
            assertThat(first.get("time").asText()).endsWith("+00:00");
            assertThat(first.get("reason").asText()).isEqualTo("requested with 1 master(s) and 2 node(s)");
            assertThat(listed.json().get("events").get(1).get("reason").asText())
                    .startsWith("CREATE_IN_PROGRESS -> CREATE_COMPLETE");
            assertThat(listed.json().get("events").get(2).get("health_status").asText()).isEqualTo("HEALTHY");
        }

        @Test
        void are_scoped_like_the_cluster() {
            String uuid = createCluster(Map.of());

            assertThat(stranger.get("/v1/clusters/" + uuid + "/events").status()).isEqualTo(404);
            assertThat(member.get("/v1/clusters/" + uuid + "/events?limit=1").json().get("events")).hasSize(1);
        }
    }

    @Nested
    class Metrics {

        @Test
        void metrics_are_public_prometheus_text_with_the_services_series() {
            String uuid = createCluster(Map.of());
            awaitHealth(uuid, "HEALTHY");
            member.get("/v1/clusters/" + uuid);

            Api.Response scraped = new Api(server.url()).get("/metrics");

            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.header("Content-Type")).startsWith("text/plain");
            assertThat(scraped.body())
                    .contains("magnetar_http_server_requests_seconds_bucket{method=\"GET\",route=\"/v1/clusters/{ident}\",status=\"200\"")
                    .contains("magnetar_http_server_requests_seconds_count{method=\"POST\",route=\"/v1/clusters\",status=\"202\"}")
                    .contains("magnetar_operations_total{kind=\"create_cluster\",outcome=\"completed\"}")
                    .containsPattern("(?m)^magnetar_operations_pending [0-9.]+$")
                    .containsPattern("(?m)^magnetar_reconcile_lag_seconds [0-9.]+(E-?[0-9]+)?$")
                    .contains("magnetar_monitor_poll_seconds_count{coe=\"dcos\"}")
                    .contains("magnetar_monitor_poll_failures_total{coe=\"dcos\"}")
                    .contains("magnetar_cluster_health{cluster_uuid=\"" + uuid + "\",coe=\"dcos\",project=\"")
                    .contains("magnetar_cluster_agents_expected{cluster_uuid=\"" + uuid + "\"")
                    .contains("magnetar_cluster_cpu_utilisation{cluster_uuid=\"" + uuid + "\"")
                    .doesNotContain("/v1/clusters/" + uuid);
            System.gc();
            assertThat(new Api(server.url()).get("/metrics").body()).as("gauges outlive a garbage collection")
                    .containsPattern("(?m)^magnetar_reconcile_lag_seconds [0-9.]+(E-?[0-9]+)?$");
            assertThat(scraped.body().lines().filter(l -> l.startsWith("magnetar_cluster_health{cluster_uuid=\"" + uuid)))
                    .singleElement().asString().endsWith(" 2.0");
        }
    }
}
