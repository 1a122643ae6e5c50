package dev.magnetar.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.DcosFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DC/OS guide's node pools and upgrade in one walk over Magnum's API on the embedded default (issue 15,
 * acceptance 2): a DC/OS 2.1 cluster gets a GPU pool with Mesos attributes and its own flavor, the pool is
 * resized, loses a chosen node, and the cluster is upgraded to 2.2 two agents at a time, pool agents
 * included, each node's step an event. Throughout, the monitor reads the simulated DC/OS: the release it
 * reports, and the attributes on the pool's agents (an agent that loses them is named under the pool).
 * Last the pool is deleted and its agents leave the monitor's count.
 */
class DcosPoolsWalkE2ETest {

    static final String INSTALLER = "http://files.example.org/dcos/%s/dcos_generate_config.sh";
    static final String ATTRIBUTES = "gpu:true;zone:az1";

    static TestServer server;
    static Api api;

    @BeforeAll
    static void start() {
        // Polled every second with a generous request budget: what the walk waits for is the monitor's word.
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "3000"));
        api = server.api().as("walk-project", "member").withVersion("1.10");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String template(String release) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "dcos-" + release);
        body.put("coe", "dcos");
        body.put("image_id", "dcos-centos-7.2");
        body.put("keypair_id", "testkey");
        body.put("external_network_id", "public");
        body.put("flavor_id", "m1.small");
        body.put("labels", Map.of("dcos_release", release, "dcos_installer_url", INSTALLER.formatted(release)));
        Api.Response created = api.post("/v1/clustertemplates", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("uuid").asText();
    }

    static JsonNode await(String uuid, String what, Predicate<JsonNode> until) {
        return Eventually.await(uuid + " " + what, Duration.ofSeconds(90),
                () -> api.get("/v1/clusters/" + uuid).json(), until);
    }

    static Predicate<JsonNode> settledHealthy(String status, String version) {
        return c -> status.equals(c.path("status").asText()) && version.equals(c.path("coe_version").asText())
                && "HEALTHY".equals(c.path("health_status").asText());
    }

    static JsonNode pool(String uuid) {
        Api.Response shown = api.get("/v1/clusters/" + uuid + "/nodegroups/gpu");
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        return shown.json();
    }

    static List<String> addresses(JsonNode group) {
        List<String> addresses = new ArrayList<>();
        group.path("node_addresses").forEach(a -> addresses.add(a.asText()));
        return addresses;
    }

    /** The attributes the simulated DC/OS gives each of these agents (what its master lists for them). */
    static List<String> reportedAttributes(String uuid, List<String> agents) {
        DcosClusterSpec served = server.dcos().spec(uuid);
        return agents.stream().filter(served.agentAttributes()::containsKey).map(served.agentAttributes()::get)
                .toList();
    }

    /** The DC/OS release the simulated cluster reports. */
    static String reportedRelease(String uuid) {
        return server.dcos().spec(uuid).dcosVersion();
    }

    static List<String> events(String uuid, String kind) {
        List<String> reasons = new ArrayList<>();
        api.get("/v1/clusters/" + uuid + "/events").json().get("events").forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                reasons.add(e.path("reason").asText());
            }
        });
        return reasons;
    }

    @Test
    void a_gpu_pool_is_added_resized_trimmed_upgraded_with_the_cluster_and_deleted_its_attributes_checked() {
        String from = template("2.1.2");
        String to = template("2.2.1");
        Api.Response created = api.post("/v1/clusters", Map.of("name", "walk", "cluster_template_id", from,
                "node_count", 2));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        String uuid = created.json().get("uuid").asText();
        await(uuid, "HEALTHY on 2.1.2", settledHealthy("CREATE_COMPLETE", "2.1.2"));

        // A GPU pool of its own flavor whose agents carry Mesos attributes.
        Api.Response added = api.post("/v1/clusters/" + uuid + "/nodegroups", Map.of("name", "gpu", "role", "agent",
                "node_count", 2, "max_node_count", 4, "flavor_id", "m1.large", "merge_labels", true,
                "labels", Map.of("dcos_mesos_attributes", ATTRIBUTES)));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        await(uuid, "pool added, HEALTHY", settledHealthy("UPDATE_COMPLETE", "2.1.2"));
        JsonNode gpu = pool(uuid);
        assertThat(gpu.get("flavor_id").asText()).isEqualTo("m1.large");
        assertThat(gpu.at("/labels/dcos_mesos_attributes").asText()).isEqualTo(ATTRIBUTES);
        assertThat(gpu.get("version").asText()).as("the release its nodes run").isEqualTo("2.1.2");
        JsonNode stats = api.get("/v1/stats").json();
        assertThat(stats.get("clusters").asInt()).isEqualTo(1);
        assertThat(stats.get("nodes").asInt()).as("a master, two default agents and the pool's two").isEqualTo(5);
        List<String> two = addresses(gpu);
        assertThat(two).hasSize(2);
        assertThat(reportedAttributes(uuid, two)).containsExactly(ATTRIBUTES, ATTRIBUTES);
        assertThat(reportedRelease(uuid)).isEqualTo("2.1.2");

        // The monitor checks the attributes are there: an agent that registers without them is named.
        server.dcos().setFaults(uuid, DcosFaults.NONE.withAttributesDropped(two.get(1)));
        JsonNode lacking = await(uuid, "UNHEALTHY for the pool's attributes",
                c -> "UNHEALTHY".equals(c.path("health_status").asText()));
        assertThat(lacking.get("health_status_reason").get("pool/gpu").asText())
                .isEqualTo("agent " + two.get(1) + " lacks attribute gpu:true; agent " + two.get(1)
                        + " lacks attribute zone:az1");
        server.dcos().setFaults(uuid, DcosFaults.NONE);
        await(uuid, "HEALTHY again", settledHealthy("UPDATE_COMPLETE", "2.1.2"));

        // Resized to 3, then trimmed to 2 by removing a chosen node.
        Api.Response grown = api.post("/v1/clusters/" + uuid + "/actions/resize", Map.of("node_count", 3,
                "nodegroup", "gpu"));
        assertThat(grown.status()).as(grown.toString()).isEqualTo(202);
        await(uuid, "pool of 3", c -> "UPDATE_COMPLETE".equals(c.path("status").asText())
                && addresses(pool(uuid)).size() == 3);
        List<String> three = addresses(pool(uuid));
        assertThat(three).containsAll(two);
        String chosen = three.get(1);
        Api.Response trimmed = api.post("/v1/clusters/" + uuid + "/actions/resize", Map.of("node_count", 2,
                "nodegroup", "gpu", "nodes_to_remove", List.of(chosen)));
        assertThat(trimmed.status()).as(trimmed.toString()).isEqualTo(202);
        await(uuid, "pool without " + chosen, c -> "UPDATE_COMPLETE".equals(c.path("status").asText())
                && addresses(pool(uuid)).size() == 2);
        List<String> kept = addresses(pool(uuid));
        assertThat(kept).doesNotContain(chosen).containsExactly(three.get(0), three.get(2));
        assertThat(pool(uuid).get("node_count").asInt()).isEqualTo(2);
        await(uuid, "HEALTHY with the trimmed pool", settledHealthy("UPDATE_COMPLETE", "2.1.2"));

        // Upgraded to 2.2, two agents at a time, the pool's agents with the cluster's.
        Api.Response upgrade = api.post("/v1/clusters/" + uuid + "/actions/upgrade", Map.of("cluster_template", to,
                "max_batch_size", 2));
        assertThat(upgrade.status()).as(upgrade.toString()).isEqualTo(202);
        JsonNode upgraded = await(uuid, "HEALTHY on 2.2.1", settledHealthy("UPDATE_COMPLETE", "2.2.1"));
        assertThat(upgraded.get("cluster_template_id").asText()).isEqualTo(to);
        assertThat(upgraded.get("health_status_reason").size()).as(upgraded.toString()).isZero();
        assertThat(reportedRelease(uuid)).isEqualTo("2.2.1");
        assertThat(events(uuid, "upgrade_requested")).singleElement().asString().contains("max_batch_size 2");
        List<String> steps = events(uuid, "node_step");
        assertThat(steps).contains("master-0: upgraded to DC/OS 2.2.1 and healthy again",
                "agent-0: upgraded to DC/OS 2.2.1 and healthy again",
                "agent-1: upgraded to DC/OS 2.2.1 and healthy again");
        // The pool's members are named as its nodes: gpu-1 was the node removed, so gpu-0 and gpu-2 remain.
        assertThat(steps).as("the pool's two agents each upgraded").filteredOn(s -> s.startsWith("gpu-"))
                .containsOnly("gpu-0: upgraded to DC/OS 2.2.1 and healthy again",
                        "gpu-2: upgraded to DC/OS 2.2.1 and healthy again")
                .contains("gpu-0: upgraded to DC/OS 2.2.1 and healthy again",
                        "gpu-2: upgraded to DC/OS 2.2.1 and healthy again");
        assertThat(reportedAttributes(uuid, kept)).containsExactly(ATTRIBUTES, ATTRIBUTES);
        assertThat(pool(uuid).get("version").asText()).isEqualTo("2.2.1");

        // The pool deleted: its agents leave the cluster and the monitor's count.
        assertThat(api.delete("/v1/clusters/" + uuid + "/nodegroups/gpu").status()).isEqualTo(204);
        await(uuid, "pool gone", c -> "UPDATE_COMPLETE".equals(c.path("status").asText())
                && api.get("/v1/clusters/" + uuid + "/nodegroups/gpu").status() == 404);
        JsonNode after = await(uuid, "HEALTHY on 2.2.1 without the pool", settledHealthy("UPDATE_COMPLETE", "2.2.1"));
        assertThat(after.get("node_count").asInt()).isEqualTo(2);
        assertThat(reportedAttributes(uuid, kept)).isEmpty();
    }
}
