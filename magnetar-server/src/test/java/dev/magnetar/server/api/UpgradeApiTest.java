package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.Fixtures;
import dev.magnetar.server.support.TestServer;
import dev.magnetar.sim.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magnum's upgrade action over real HTTP on the embedded default: the microversion gate, Magnum's 400
 * envelope for a body or a move that cannot be made (naming the field and what is allowed, storing
 * nothing), 409 for a cluster that is not settled, and a DC/OS 2.1 cluster upgraded to 2.2 node by
 * node (events per node, coe_version and health from the simulated DC/OS afterwards), or stopped at the
 * node that fails its upgrade.
 */
class UpgradeApiTest {

    static final String INSTALLER_21 = "http://files.example.org/dcos/2.1.2/dcos_generate_config.sh";
    static final String INSTALLER_22 = "http://files.example.org/dcos/2.2.1/dcos_generate_config.sh";

    static TestServer server;

    Api member;
    Api v18;

    @BeforeAll
    static void start() {
        // A generous request timeout: the monitor's answer (coe_version, health) is what these tests wait for.
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "3000"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aProject() {
        String project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        member = server.api().as(project, "member");
        v18 = member.withVersion("1.8");
    }

    @AfterEach
    void noFaults() {
        server.simulator().faults().clear();
    }

    String dcosTemplate(String release, String installer, Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of("dcos_release", release, "dcos_installer_url",
                installer));
        labels.putAll(extra);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "dcos-" + release + "-" + UUID.randomUUID().toString().substring(0, 4));
        body.put("coe", "dcos");
        body.put("image_id", "dcos-centos-7.2");
        body.put("keypair_id", "testkey");
        body.put("external_network_id", "public");
        body.put("flavor_id", "m1.small");
        body.put("labels", labels);
        Api.Response created = member.post("/v1/clustertemplates", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("uuid").asText();
    }

    String cluster(String templateId, int nodes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "c" + UUID.randomUUID().toString().substring(0, 6));
        body.put("cluster_template_id", templateId);
        body.put("node_count", nodes);
        Api.Response accepted = member.post("/v1/clusters", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("uuid").asText();
    }

    JsonNode await(String uuid, String what, java.util.function.Predicate<JsonNode> until) {
        return Eventually.await(uuid + " " + what, Duration.ofSeconds(60),
                () -> member.get("/v1/clusters/" + uuid).json(), until);
    }

    /**
     * A DC/OS 2.1.2 cluster, complete; the checks of a move read its release from its template until the
     * monitor reports DC/OS's own.
     */
    String running21(int nodes) {
        String uuid = cluster(dcosTemplate("2.1.2", INSTALLER_21, Map.of()), nodes);
        await(uuid, "complete", c -> "CREATE_COMPLETE".equals(c.path("status").asText()));
        return uuid;
    }

    /** {@link #running21}, reporting its release as DC/OS does. */
    String reporting21(int nodes) {
        String uuid = running21(nodes);
        await(uuid, "on 2.1.2", c -> "2.1.2".equals(c.path("coe_version").asText()));
        return uuid;
    }

    Api.Response upgrade(Api as, String uuid, Map<String, Object> body) {
        return as.post("/v1/clusters/" + uuid + "/actions/upgrade", body);
    }

    List<String> eventReasons(String uuid, String kind) {
        List<String> reasons = new java.util.ArrayList<>();
        member.get("/v1/clusters/" + uuid + "/events").json().get("events").forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                reasons.add(e.path("reason").asText());
            }
        });
        return reasons;
    }

    @Nested
    class Refused {

        @Test
        void below_microversion_1_8_as_magnum_answers() {
            Api.Response refused = upgrade(member.withVersion("1.7"), UUID.randomUUID().toString(),
                    Map.of("cluster_template", "t"));

            assertThat(refused.status()).isEqualTo(406);
            assertThat(refused.detail()).contains("upgrade is not supported for this version");
        }

        @Test
        void a_body_without_a_template_or_with_an_unknown_field_or_a_batch_below_1() {
            String uuid = running21(1);

            Api.Response missing = upgrade(v18, uuid, Map.of("max_batch_size", 1));
            Api.Response unknown = upgrade(v18, uuid, Map.of("cluster_template", "t", "rollback", true));
            Api.Response zero = upgrade(v18, uuid, Map.of("cluster_template", "t", "max_batch_size", 0));

            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.detail()).contains("cluster_template").contains("Mandatory field missing");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.detail()).isEqualTo("Unknown attribute for argument upgrade: rollback");
            assertThat(zero.status()).isEqualTo(400);
            assertThat(zero.detail()).contains("max_batch_size").contains("greater or equal to 1");
        }

        @Test
        void a_node_group_other_than_the_clusters_default_ones() {
            String uuid = running21(1);
            String target = dcosTemplate("2.2.1", INSTALLER_22, Map.of());

            Api.Response refused = upgrade(v18, uuid, Map.of("cluster_template", target, "nodegroup", "gpu-pool"));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("client");
            assertThat(refused.detail()).contains("nodegroup").contains("gpu-pool")
                    .contains("default-master, default-worker");
        }

        @Test
        void a_downgrade_naming_the_release_and_why_and_nothing_is_stored() {
            String uuid = running21(1);
            JsonNode before = member.get("/v1/clusters/" + uuid).json();
            String older = dcosTemplate("2.0.9", "http://files.example.org/dcos/2.0.9/dcos_generate_config.sh",
                    Map.of());

            Api.Response refused = upgrade(v18, uuid, Map.of("cluster_template", older));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.detail()).contains("dcos_release").contains("2.0.9")
                    .contains("older than the installed 2.1.2").contains("no downgrade");
            JsonNode after = member.get("/v1/clusters/" + uuid).json();
            assertThat(after.get("cluster_template_id")).isEqualTo(before.get("cluster_template_id"));
            assertThat(after.get("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(eventReasons(uuid, "upgrade_requested")).isEmpty();
        }

        @Test
        void a_key_dcos_fixes_at_install() {
            String uuid = running21(1);
            String moved = dcosTemplate("2.2.1", INSTALLER_22, Map.of("dns_search", "corp.example"));

            Api.Response refused = upgrade(v18, uuid, Map.of("cluster_template", moved));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("config.yaml key dns_search").contains("written at install");
        }

        @Test
        void a_template_of_a_driver_that_cannot_upgrade_or_of_another_coe() {
            String k8sTemplate = member.post("/v1/clustertemplates", Fixtures.template("k8s")).json()
                    .get("uuid").asText();
            String k8s = member.post("/v1/clusters", Fixtures.cluster("k1", k8sTemplate)).json().get("uuid").asText();
            await(k8s, "complete", c -> "CREATE_COMPLETE".equals(c.path("status").asText()));
            String other = member.post("/v1/clustertemplates", Fixtures.template("k8s-2")).json().get("uuid").asText();
            String dcos = running21(1);

            Api.Response unsupported = upgrade(v18, k8s, Map.of("cluster_template", other));
            Api.Response otherCoe = upgrade(v18, dcos, Map.of("cluster_template", other));

            assertThat(unsupported.status()).isEqualTo(400);
            assertThat(unsupported.detail()).isEqualTo("Upgrading a cluster is not supported by this driver "
                    + "(test_driver_v1).");
            assertThat(otherCoe.status()).isEqualTo(400);
            assertThat(otherCoe.detail()).contains("an upgrade keeps the driver");
        }

        @Test
        void a_cluster_that_is_not_settled_is_a_409() {
            String uuid = cluster(dcosTemplate("2.1.2", INSTALLER_21, Map.of()), 1);
            String target = dcosTemplate("2.2.1", INSTALLER_22, Map.of());

            Api.Response refused = upgrade(v18, uuid, Map.of("cluster_template", target));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.detail()).contains("CREATE_IN_PROGRESS").contains("_COMPLETE");
        }

        @Test
        void an_unknown_template_is_a_404() {
            String uuid = running21(1);

            Api.Response refused = upgrade(v18, uuid, Map.of("cluster_template", "no-such-template"));

            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.detail()).isEqualTo("ClusterTemplate no-such-template could not be found.");
        }
    }

    @Nested
    class Carried_out {

        @Test
        void a_2_1_cluster_reaches_2_2_node_by_node_and_is_healthy_on_it() {
            String uuid = reporting21(3);
            String target = dcosTemplate("2.2.1", INSTALLER_22, Map.of());

            Api.Response accepted = upgrade(v18, uuid, Map.of("cluster_template", target, "max_batch_size", 2,
                    "nodegroup", "default-worker"));

            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().fieldNames()).toIterable().containsExactly("uuid");
            assertThat(member.get("/v1/clusters/" + uuid).json().get("status").asText())
                    .as("at instant simulation speed the upgrade may already have finished")
                    .isIn("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE");
            JsonNode upgraded = await(uuid, "on 2.2.1 and healthy", c -> "UPDATE_COMPLETE".equals(c.path("status").asText())
                    && "2.2.1".equals(c.path("coe_version").asText()) && "HEALTHY".equals(c.path("health_status").asText()));
            assertThat(upgraded.get("cluster_template_id").asText()).isEqualTo(target);
            assertThat(upgraded.at("/labels/dcos_release").asText()).isEqualTo("2.2.1");
            assertThat(eventReasons(uuid, "upgrade_requested")).singleElement().asString()
                    .contains("max_batch_size 2");
            assertThat(eventReasons(uuid, "node_step")).contains(
                    "master-0: upgraded to DC/OS 2.2.1 and healthy again",
                    "agent-0: upgraded to DC/OS 2.2.1 and healthy again",
                    "agent-1: upgraded to DC/OS 2.2.1 and healthy again",
                    "agent-2: upgraded to DC/OS 2.2.1 and healthy again");
        }

        @Test
        void a_node_that_fails_its_upgrade_stops_it_named_in_the_reason() {
            String uuid = running21(2);
            String target = dcosTemplate("2.2.1", INSTALLER_22, Map.of());
            server.simulator().faults().add(Fault.FailResource.on("agents/1/upgrade_wait_*", null,
                    "slave node failed its upgrade to DC/OS 2.2.1 while waiting for DC/OS post-start checks"));

            assertThat(upgrade(v18, uuid, Map.of("cluster_template", target)).status()).isEqualTo(202);
            JsonNode failed = await(uuid, "UPDATE_FAILED", c -> "UPDATE_FAILED".equals(c.path("status").asText()));

            assertThat(failed.get("status_reason").asText()).startsWith("agent-1 failed its upgrade to DC/OS 2.2.1: ")
                    .contains("post-start checks");
            assertThat(eventReasons(uuid, "node_step")).anyMatch(r -> r.startsWith("agent-1 failed its upgrade"));
        }

        @Test
        void an_upgrade_that_failed_is_asked_for_again_and_resumes_to_the_end() {
            // The retry's installed release is the one DC/OS reported before the upgrade (the cluster already
            // follows the target template's labels).
            String uuid = reporting21(3);
            String target = dcosTemplate("2.2.1", INSTALLER_22, Map.of());
            String fault = server.simulator().faults().add(Fault.FailResource.on("agents/1/upgrade_wait_*", null,
                    "slave node failed its upgrade to DC/OS 2.2.1 while waiting for DC/OS post-start checks"));
            assertThat(upgrade(v18, uuid, Map.of("cluster_template", target, "max_batch_size", 1)).status())
                    .isEqualTo(202);
            JsonNode failed = await(uuid, "UPDATE_FAILED", c -> "UPDATE_FAILED".equals(c.path("status").asText()));
            assertThat(failed.get("status_reason").asText()).startsWith("agent-1 failed its upgrade");
            assertThat(eventReasons(uuid, "node_step")).as("the rolling update stopped at agent-1")
                    .noneMatch(r -> r.startsWith("agent-2"));
            server.simulator().faults().remove(fault);

            Api.Response again = upgrade(v18, uuid, Map.of("cluster_template", target, "max_batch_size", 1));

            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            JsonNode upgraded = await(uuid, "on 2.2.1 and healthy", c -> "UPDATE_COMPLETE".equals(c.path("status").asText())
                    && "2.2.1".equals(c.path("coe_version").asText()) && "HEALTHY".equals(c.path("health_status").asText()));
            assertThat(upgraded.get("cluster_template_id").asText()).isEqualTo(target);
            assertThat(eventReasons(uuid, "upgrade_requested")).hasSize(2);
            assertThat(eventReasons(uuid, "node_step")).contains(
                    "agent-1: upgraded to DC/OS 2.2.1 and healthy again",
                    "agent-2: upgraded to DC/OS 2.2.1 and healthy again");
        }

        @Test
        void a_cluster_whose_resize_failed_is_not_upgraded_a_409() {
            String uuid = running21(1);
            String target = dcosTemplate("2.2.1", INSTALLER_22, Map.of());
            server.simulator().faults().add(Fault.FailResource.on("agents/1/server", null,
                    "No valid host was found for the new agent"));
            assertThat(v18.post("/v1/clusters/" + uuid + "/actions/resize", Map.of("node_count", 2)).status())
                    .isEqualTo(202);
            await(uuid, "UPDATE_FAILED", c -> "UPDATE_FAILED".equals(c.path("status").asText()));

            Api.Response refused = upgrade(v18, uuid, Map.of("cluster_template", target));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.detail()).contains("UPDATE_FAILED").contains("again after an upgrade that failed");
        }
    }
}
