package dev.magnetar.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to Admin Router on the embedded default: a dcos cluster's api_address is https://; the monitor
 * pins the CA the simulated Admin Router serves and the cluster reaches HEALTHY over HTTPS; the
 * dcos-attach extension hands out that CA; when Admin Router presents another CA's certificate the
 * cluster is UNKNOWN with the TLS failure as its reason, and healthy again once the right one is back.
 */
class AdminRouterTlsE2ETest {

    static TestServer server;
    static Api member;
    static String uuid;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "1000"));
        member = server.api().as("p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), "member");
        Api.Response template = member.post("/v1/clustertemplates", Map.of("name", "tls-t", "coe", "dcos",
                "image_id", "dcos-centos-7.2", "keypair_id", "testkey", "external_network_id", "public",
                "flavor_id", "m1.small"));
        assertThat(template.status()).as(template.toString()).isEqualTo(201);
        Api.Response cluster = member.post("/v1/clusters", Map.of("name", "tls-c", "node_count", 1,
                "cluster_template_id", template.json().get("uuid").asText()));
        assertThat(cluster.status()).as(cluster.toString()).isEqualTo(202);
        uuid = cluster.json().get("uuid").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode awaitCluster(String what, Predicate<JsonNode> until) {
        return Eventually.await(uuid + " " + what, Duration.ofSeconds(30),
                () -> member.get("/v1/clusters/" + uuid).json(), until);
    }

    static JsonNode awaitHealthy() {
        return awaitCluster("HEALTHY", c -> "HEALTHY".equals(c.path("health_status").asText())
                && c.path("health_status_reason").isEmpty());
    }

    @Test
    void a_dcos_cluster_is_healthy_over_https_and_its_attachment_pins_the_ca_admin_router_serves() {
        JsonNode cluster = awaitHealthy();
        JsonNode attach = member.get("/v1/clusters/" + uuid + "/dcos-attach").json();

        assertThat(cluster.get("api_address").asText()).startsWith("https://");
        assertThat(attach.get("ca_certificate").asText()).isEqualTo(server.dcos().caCertificatePem());
        assertThat(attach.get("ca_file").asText()).isEqualTo("dcos-ca.crt");
        assertThat(attach.get("setup_command").asText())
                .isEqualTo("dcos cluster setup " + cluster.get("api_address").asText() + " --ca-certs=dcos-ca.crt");
    }

    @Test
    void a_certificate_from_another_ca_is_unknown_with_the_tls_failure_and_healing_it_restores_health() {
        awaitHealthy();
        Api admin = server.api().as("admin-project", "admin");

        Api.Response fault = admin.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults", Map.of("wrong_ca", true));
        JsonNode refused = awaitCluster("UNKNOWN", c -> "UNKNOWN".equals(c.path("health_status").asText()));

        assertThat(fault.status()).as(fault.toString()).isEqualTo(200);
        assertThat(fault.json().get("wrong_ca").asBoolean()).isTrue();
        assertThat(refused.get("health_status_reason").get("cluster").asText())
                .contains("TLS: the certificate Admin Router presented (CN=127.0.0.1, issued by CN=Simulated impostor CA)"
                        + " does not chain to the cluster's pinned CA (CN=Simulated DC/OS Root CA, SHA-256 ");

        admin.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults", Map.of());
        awaitHealthy();
        assertThat(member.get("/v1/clusters/" + uuid + "/dcos-attach").json().get("ca_certificate").asText())
                .isEqualTo(server.dcos().caCertificatePem());
    }
}
