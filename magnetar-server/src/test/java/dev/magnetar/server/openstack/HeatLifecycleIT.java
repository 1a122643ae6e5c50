package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.openstack.heat.WaitHandles;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blueprint's DC/OS bay (and a Mesos bay's node pool) through our API on the real Heat, with real Keystone tokens: the
 * stack is built from the DC/OS driver's templates (servers, networks, volumes and load balancers
 * mapped to no-ops), this test acts as the nodes by signalling the stack's wait conditions, and the
 * cluster follows Heat through create, scale, a node's failure and delete. The tests run at the
 * same time, each with a bay and stack of its own: they wait on Heat far more than they use a core.
 */
@ExtendWith(LoopbackOpenStack.class)
class HeatLifecycleIT {

    /** Generous: five bays share the real Heat at once. */
    private static final Duration SETTLE = Duration.ofSeconds(180);

    private static LookupStandIn lookups;
    private static TestServer server;
    private static Caller alpha;
    private static String templateUuid;

    @BeforeAll
    static void start() {
        lookups = LookupStandIn.start(LoopbackCloud.keystone());
        server = TestServer.start(LoopbackCloud.serverOptions());
        alpha = LoopbackCloud.caller(server.url(), "alpha-member", "alpha");
        Api.Response template = alpha.post("/v1/baymodels", LoopbackCloud.blueprintTemplate("lifecycle-dcos"));
        assertThat(template.status()).as(template.toString()).isEqualTo(201);
        templateUuid = template.json().path("uuid").asText();
    }

    @AfterAll
    static void stop() {
        if (alpha != null) {
            Bays.deleteAll(alpha, SETTLE);
            alpha.delete("/v1/baymodels/" + templateUuid);
        }
        if (server != null) {
            server.close();
        }
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_bay_is_created_by_heat_scaled_and_deleted_with_its_keystone_user() throws Exception {
        String uuid = createBay("lifecycle", 1);
        JsonNode stack = theOnlyStackOf(uuid);
        assertThat(stack.path("stack_name").asText()).startsWith("lifecycle-");
        assertThat(stack.path("tags")).extracting(JsonNode::asText).contains("magnetar", "cluster_uuid=" + uuid);
        assertThat(LoopbackCloud.clusterUserId(uuid)).as("the cluster's Keystone user").isPresent();

        WaitHandles nodes = new WaitHandles(LoopbackCloud.keystone());
        String name = stack.path("stack_name").asText();
        String id = stack.path("id").asText();
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "bootstrap and master up");
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "agent up");
        JsonNode created = awaitSettled(uuid);

        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("CREATE_COMPLETE");
        assertThat(LoopbackCloud.stack("alpha", name, id).path("stack_status").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(created.path("stack_id").asText()).isEqualTo(id);
        assertThat(created.path("coe_version").asText()).as("the bootstrap node's signal").matches("10\\.0\\.0\\.\\d+");
        assertThat(created.path("container_version").asText()).as("the masters' signal").matches("10\\.0\\.0\\.\\d+");

        Api.Response scale = alpha.patch("/v1/bays/" + uuid, List.of(Map.of("op", "replace", "path", "/node_count",
                "value", 2)));
        assertThat(scale.status()).as(scale.toString()).isEqualTo(200);
        Slowly.await("Heat updating the stack", SETTLE, () -> LoopbackCloud.stack("alpha", name, id)
                .path("stack_status").asText(), status -> status.startsWith("UPDATE_"));
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "second agent up");
        JsonNode scaled = awaitSettled(uuid);

        assertThat(scaled.path("status").asText()).as(scaled.toString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(scaled.path("node_count").asInt()).isEqualTo(2);
        JsonNode heatStack = LoopbackCloud.stack("alpha", name, id);
        assertThat(heatStack.path("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(heatStack.path("parameters").path("number_of_agents").asText()).isEqualTo("2");

        assertThat(alpha.delete("/v1/bays/" + uuid).status()).isEqualTo(204);
        Slowly.await("the bay gone", SETTLE, () -> alpha.get("/v1/bays/" + uuid).status(), s -> s == 404);
        assertThat(LoopbackCloud.stacksOf("alpha", uuid)).as("stacks left in Heat").isEmpty();
        assertThat(LoopbackCloud.clusterUserId(uuid)).as("the cluster's Keystone user").isEmpty();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_node_pool_is_added_and_removed_by_one_heat_update_each() throws Exception {
        String uuid = createBay("pools", 1);
        JsonNode stack = theOnlyStackOf(uuid);
        WaitHandles nodes = new WaitHandles(LoopbackCloud.keystone());
        String name = stack.path("stack_name").asText();
        String id = stack.path("id").asText();
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "bootstrap and master up");
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "agent up");
        assertThat(awaitSettled(uuid).path("status").asText()).isEqualTo("CREATE_COMPLETE");

        Api.Response added = alpha.sendAt("1.9", "POST", "/v1/clusters/" + uuid + "/nodegroups", Map.of(
                "name", "gpu", "role", "agent", "node_count", 1,
                "labels", Map.of("dcos_mesos_attributes", "gpu:true", "isolation", "gpu/nvidia")));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        Slowly.await("Heat adding the pool", SETTLE, () -> LoopbackCloud.stack("alpha", name, id)
                .path("stack_status").asText(), status -> status.startsWith("UPDATE_"));
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "gpu agent up");
        JsonNode withPool = awaitSettled(uuid);

        assertThat(withPool.path("status").asText()).as(withPool.toString()).isEqualTo("UPDATE_COMPLETE");
        JsonNode heatStack = LoopbackCloud.stack("alpha", name, id);
        assertThat(heatStack.path("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(heatStack.path("parameters").toString()).contains("_agent_flags");
        JsonNode pool = alpha.sendAt("1.9", "GET", "/v1/clusters/" + uuid + "/nodegroups/gpu", null).json();
        assertThat(pool.path("status").asText()).isEqualTo("UPDATE_COMPLETE");

        assertThat(alpha.sendAt("1.9", "DELETE", "/v1/clusters/" + uuid + "/nodegroups/gpu", null).status())
                .isEqualTo(204);
        JsonNode withoutPool = Slowly.await("the pool removed", SETTLE, () -> alpha.get("/v1/bays/" + uuid).json(),
                bay -> bay.path("status").asText().equals("UPDATE_COMPLETE")
                        && !LoopbackCloud.stack("alpha", name, id).path("parameters").toString().contains("pool_"));
        assertThat(withoutPool.path("node_count").asInt()).isEqualTo(1);
        assertThat(LoopbackCloud.stack("alpha", name, id).path("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");

        assertThat(alpha.delete("/v1/bays/" + uuid).status()).isEqualTo(204);
        Slowly.await("the bay gone", SETTLE, () -> alpha.get("/v1/bays/" + uuid).status(), s -> s == 404);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_mesos_node_pool_is_added_and_removed_by_one_heat_update_each() throws Exception {
        Map<String, Object> mesos = new LinkedHashMap<>();
        mesos.put("name", "lifecycle-mesos");
        mesos.put("coe", "mesos");
        mesos.put("image_id", "ubuntu-mesos");
        mesos.put("keypair_id", "testkey");
        mesos.put("external_network_id", "1hsdhs88sddds889");
        mesos.put("flavor_id", "m1.small");
        mesos.put("master_flavor_id", "m1.medium");
        Api.Response template = alpha.post("/v1/baymodels", mesos);
        assertThat(template.status()).as(template.toString()).isEqualTo(201);
        Api.Response bay = alpha.post("/v1/bays", Map.of("name", "mesos-pools-" + UUID.randomUUID().toString()
                .substring(0, 4), "baymodel_id", template.json().path("uuid").asText(), "node_count", 1,
                "master_count", 1, "bay_create_timeout", 10));
        assertThat(bay.status()).as(bay.toString()).isEqualTo(201);
        String uuid = bay.json().path("uuid").asText();
        JsonNode stack = theOnlyStackOf(uuid);
        WaitHandles nodes = new WaitHandles(LoopbackCloud.keystone());
        String name = stack.path("stack_name").asText();
        String id = stack.path("id").asText();
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "master up");
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "agent registered");
        assertThat(awaitSettled(uuid).path("status").asText()).isEqualTo("CREATE_COMPLETE");

        Api.Response added = alpha.sendAt("1.9", "POST", "/v1/clusters/" + uuid + "/nodegroups", Map.of(
                "name", "gpu", "role", "agent", "node_count", 2,
                "labels", Map.of("mesos_slave_attributes", "gpu:true;zone:az1", "mesos_slave_isolation",
                        "filesystem/linux,docker/runtime,cgroups/cpu,cgroups/mem,cgroups/devices,gpu/nvidia")));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        Slowly.await("Heat adding the pool", SETTLE, () -> LoopbackCloud.stack("alpha", name, id)
                .path("stack_status").asText(), status -> status.startsWith("UPDATE_"));
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "gpu agent registered");
        JsonNode withPool = awaitSettled(uuid);

        assertThat(withPool.path("status").asText()).as(withPool.toString()).isEqualTo("UPDATE_COMPLETE");
        JsonNode heatStack = LoopbackCloud.stack("alpha", name, id);
        assertThat(heatStack.path("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(heatStack.path("parameters").toString()).contains("_agent_flags");
        JsonNode pool = alpha.sendAt("1.9", "GET", "/v1/clusters/" + uuid + "/nodegroups/gpu", null).json();
        assertThat(pool.path("status").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(pool.path("node_count").asInt()).isEqualTo(2);

        assertThat(alpha.sendAt("1.9", "DELETE", "/v1/clusters/" + uuid + "/nodegroups/gpu", null).status())
                .isEqualTo(204);
        Slowly.await("the pool removed", SETTLE, () -> alpha.get("/v1/bays/" + uuid).json(),
                b -> b.path("status").asText().equals("UPDATE_COMPLETE")
                        && !LoopbackCloud.stack("alpha", name, id).path("parameters").toString().contains("pool_"));
        assertThat(LoopbackCloud.stack("alpha", name, id).path("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");

        assertThat(alpha.delete("/v1/bays/" + uuid).status()).isEqualTo(204);
        Slowly.await("the bay gone", SETTLE, () -> alpha.get("/v1/bays/" + uuid).status(), s -> s == 404);
        assertThat(alpha.delete("/v1/baymodels/" + template.json().path("uuid").asText()).status()).isEqualTo(204);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_node_that_signals_failure_fails_the_bay_with_heats_reason_and_faults() throws Exception {
        String uuid = createBay("failing", 1);
        JsonNode stack = theOnlyStackOf(uuid);
        new WaitHandles(LoopbackCloud.keystone()).signalNew(stack.path("stack_name").asText(),
                stack.path("id").asText(), LoopbackCloud.member("alpha"), 2, false, "docker did not start");
        JsonNode failed = awaitSettled(uuid);

        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("CREATE_FAILED");
        assertThat(failed.path("status_reason").asText()).contains("docker did not start");
        assertThat(failed.path("bay_faults").toString()).contains("docker did not start");

        assertThat(alpha.delete("/v1/bays/" + uuid).status()).isEqualTo(204);
        Slowly.await("the failed bay gone", SETTLE, () -> alpha.get("/v1/bays/" + uuid).status(), s -> s == 404);
        assertThat(LoopbackCloud.stacksOf("alpha", uuid)).isEmpty();
        assertThat(LoopbackCloud.clusterUserId(uuid)).isEmpty();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_dcos_2_1_bay_is_upgraded_to_2_2_by_heat_node_by_node_masters_first() throws Exception {
        Api.Response from = alpha.post("/v1/clustertemplates", LoopbackCloud.releaseTemplate("upgrade-from", "2.1.2"));
        Api.Response to = alpha.post("/v1/clustertemplates", LoopbackCloud.releaseTemplate("upgrade-to", "2.2.1"));
        assertThat(from.status()).as(from.toString()).isEqualTo(201);
        assertThat(to.status()).as(to.toString()).isEqualTo(201);
        Api.Response created = alpha.post("/v1/bays", Map.of("name", "upgrade-" + UUID.randomUUID().toString()
                        .substring(0, 4), "baymodel_id", from.json().path("uuid").asText(), "node_count", 2,
                "master_count", 1, "bay_create_timeout", 10));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uuid = created.json().path("uuid").asText();
        JsonNode stack = theOnlyStackOf(uuid);
        String name = stack.path("stack_name").asText();
        String id = stack.path("id").asText();
        WaitHandles nodes = new WaitHandles(LoopbackCloud.keystone());
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "bootstrap and master up");
        nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "agents up");
        assertThat(awaitSettled(uuid).path("status").asText()).isEqualTo("CREATE_COMPLETE");

        Api.Response accepted = alpha.post("/v1/clusters/" + uuid + "/actions/upgrade",
                Map.of("cluster_template", to.json().path("uuid").asText(), "max_batch_size", 2), "1.8");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        Slowly.await("Heat updating the stack", SETTLE, () -> LoopbackCloud.stack("alpha", name, id)
                .path("stack_status").asText(), status -> status.startsWith("UPDATE_"));
        // Only the bootstrap server's upgrade wait condition exists until it signals; then the master's,
        // then both agents' at once (max_batch_size 2).
        assertThat(nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "upgrade script served"))
                .isEqualTo(1);
        assertThat(nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "master upgraded"))
                .isEqualTo(1);
        assertThat(nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "agent upgraded"))
                .isEqualTo(2);
        JsonNode upgraded = awaitSettled(uuid);

        assertThat(upgraded.path("status").asText()).as(upgraded.toString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(upgraded.path("baymodel_id").asText()).isEqualTo(to.json().path("uuid").asText());
        JsonNode heatStack = LoopbackCloud.stack("alpha", name, id);
        assertThat(heatStack.path("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(heatStack.path("parameters").path("upgrade_release").asText()).isEqualTo("2.2.1");
        assertThat(heatStack.path("parameters").path("upgrade_from").asText()).isEqualTo("2.1.2");
        assertThat(alpha.get("/v1/clusters/" + uuid + "/events").json().path("events").findValuesAsText("reason"))
                .contains("master-0: upgraded to DC/OS 2.2.1 and healthy again",
                        "agent-1: upgraded to DC/OS 2.2.1 and healthy again");
    }

    private static String createBay(String name, int nodeCount) {
        Api.Response created = alpha.post("/v1/bays", Map.of("name", name + "-" + UUID.randomUUID().toString()
                        .substring(0, 4), "baymodel_id", templateUuid, "node_count", nodeCount, "master_count", 1,
                "bay_create_timeout", 10));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("uuid").asText();
    }

    private static JsonNode theOnlyStackOf(String uuid) {
        Slowly.await("Heat stack of " + uuid + " (or the bay failing)", SETTLE,
                () -> LoopbackCloud.stacksOf("alpha", uuid).size() + alpha.get("/v1/bays/" + uuid).json()
                        .path("status").asText(), seen -> !seen.startsWith("0") || seen.endsWith("FAILED"));
        List<JsonNode> stacks = LoopbackCloud.stacksOf("alpha", uuid);
        assertThat(stacks).as(alpha.get("/v1/bays/" + uuid).toString()).hasSize(1);
        return stacks.get(0);
    }

    private static JsonNode awaitSettled(String uuid) {
        return Slowly.await("bay " + uuid + " settled", SETTLE, () -> alpha.get("/v1/bays/" + uuid).json(),
                bay -> !bay.path("status").asText().endsWith("_IN_PROGRESS"));
    }
}
