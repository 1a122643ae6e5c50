package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.openstack.heat.WaitHandles;
import dev.magnetar.openstack.http.ServiceUnavailableException;
import dev.magnetar.openstack.keystone.KeystoneUnavailableException;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DC/OS and Mesos bays built by the real Heat against the real Neutron, Nova (fake virt driver),
 * Glance, Cinder (fake volume driver) and Octavia (no-op drivers) of {@code openstack-on-loopback.sh
 * start --cloud}, with no resource mapped to a no-op: every server, port, network, router,
 * security group, floating IP, volume and load balancer of the templates is created, found through
 * the services' own APIs, and gone after the delete. This test acts as the nodes by signalling
 * the stacks' wait conditions.
 *
 * <p>Part of {@code ./run-tests}, which starts the cloud beside the build and sets
 * {@code MAGNETAR_TEST_REAL_CLOUD=true} ({@code false} leaves this class out); the cloud costs about a
 * minute and 1.7 GiB to start once installed (docs/openstack.md, section 6). The two bays are built
 * at the same time, each in a project of its own: on 2026-12-03 the class took 342 s on the 2-core
 * machine. What the loopback cloud needed for the DC/OS bay (a real VIP port for Octavia's load
 * balancer, Nova's service token for Cinder's detach) is in docs/openstack.md.
 */
@EnabledIfEnvironmentVariable(named = "MAGNETAR_TEST_REAL_CLOUD", matches = "true")
@ExtendWith(LoopbackOpenStack.class)
class RealCloudIT {

    /**
     * How long a bay is waited for: longer than its own create timeout ({@code bay_create_timeout}
     * below), so that on a machine slowed by load the product's verdict (COMPLETE, or FAILED by
     * its time-out) is what the test sees and asserts, never the test's impatience.
     */
    private static final int BAY_TIMEOUT_MINUTES = 15;
    private static final Duration SETTLE = Duration.ofMinutes(BAY_TIMEOUT_MINUTES + 5);
    /** Between two looks at the bay and its stack: Heat's nested resource list is not cheap. */
    private static final Duration POLL = Duration.ofSeconds(2);
    /** The member's own Nova key pair; Heat builds the servers as the cluster's user, which gets a copy. */
    private static final String KEYPAIR = "testkey";

    private static RealResources cloud;
    private static TestServer server;
    /** One project per test: the bays are built at the same time, and each test lists only its own project. */
    private static Tenant alpha;
    private static Tenant beta;

    @BeforeAll
    static void start() {
        cloud = RealResources.open();
        server = TestServer.start(LoopbackCloud.realCloudOptions());
        alpha = new Tenant("alpha");
        beta = new Tenant("beta");
    }

    @AfterAll
    static void stop() {
        try {
            for (Tenant tenant : new Tenant[] {alpha, beta}) {
                if (tenant != null) {
                    tenant.deleteEverything();
                }
            }
            if (server != null) {
                server.close();
            }
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // beside the Mesos bay, in a project of its own
    void the_blueprint_dcos_bay_with_a_master_load_balancer_and_floating_ips_is_built_scaled_and_removed()
            throws Exception {
        Map<String, TreeSet<String>> before = alpha.inventory();
        Map<String, Object> template = LoopbackCloud.blueprintTemplate("real-dcos");
        template.put("external_network_id", "public");
        template.put("master_lb_enabled", true);
        // Masters behind a load balancer find each other through it (master_http_loadbalancer), which
        // DC/OS allows only with a shared Exhibitor store; a ZooKeeper ensemble is the one that needs no cloud account.
        Map<String, Object> labels = new LinkedHashMap<>(LoopbackCloud.blueprintLabels());
        labels.put("exhibitor_storage_backend", "zookeeper");
        labels.put("exhibitor_zk_hosts", "192.0.2.10:2181");
        labels.put("exhibitor_zk_path", "/magnetar-real-cloud");
        template.put("labels", labels);
        template.put("floating_ip_enabled", true);
        template.put("docker_volume_size", 1);
        template.put("flavor_id", "m1.small");
        template.put("master_flavor_id", "m1.small");
        String uuid = alpha.createBay(template, "real-dcos", 1);

        JsonNode created = alpha.signalUntilSettled(uuid);
        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("CREATE_COMPLETE");
        List<JsonNode> servers = alpha.servers();
        assertThat(servers).as("bootstrap, master and agent servers").hasSize(3).allSatisfy(s -> {
            assertThat(s.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(s.path("key_name").asText()).isEqualTo(KEYPAIR);
        });
        assertThat(alpha.loadBalancers()).as("the masters' load balancer").isNotEmpty()
                .allSatisfy(lb -> assertThat(lb.path("provisioning_status").asText()).isEqualTo("ACTIVE"));
        assertThat(alpha.floatingIps()).as("floating IPs of the nodes and the load balancer")
                .isNotEmpty();
        assertThat(alpha.inventory().get("volumes")).as("the nodes' Docker volumes")
                .hasSizeGreaterThan(before.get("volumes").size());

        alpha.resize(uuid, 2, List.of());
        JsonNode scaledUp = alpha.signalUntilSettled(uuid);
        assertThat(scaledUp.path("status").asText()).as(scaledUp.toString()).isEqualTo("UPDATE_COMPLETE");
        List<JsonNode> agents = alpha.agents();
        assertThat(agents).hasSize(2);

        JsonNode chosen = agents.get(0);
        String chosenId = chosen.path("id").asText();
        assertThat(alpha.portsOf(chosenId)).as("the chosen agent's ports").isNotEmpty();
        alpha.resize(uuid, 1, List.of(fixedAddress(chosen)));
        JsonNode scaledDown = alpha.signalUntilSettled(uuid);
        assertThat(scaledDown.path("status").asText()).as(scaledDown.toString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(alpha.agents()).extracting(s -> s.path("id").asText()).as("the agents left")
                .containsExactly(agents.get(1).path("id").asText());
        assertThat(alpha.portsOf(chosenId)).as("the removed agent's ports").isEmpty();

        alpha.deleteAndExpectNothingLeft(uuid, before);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // beside the DC/OS bay, in a project of its own
    void a_mesos_bay_without_load_balancer_or_floating_ips_is_built_and_removed() throws Exception {
        Map<String, TreeSet<String>> before = beta.inventory();
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "real-mesos");
        template.put("coe", "mesos");
        template.put("image_id", "ubuntu-mesos");
        template.put("keypair_id", KEYPAIR);
        template.put("external_network_id", "public");
        template.put("flavor_id", "m1.small");
        template.put("master_flavor_id", "m1.small");
        template.put("master_lb_enabled", false);
        template.put("floating_ip_enabled", false);
        String uuid = beta.createBay(template, "real-mesos", 1);

        JsonNode created = beta.signalUntilSettled(uuid);
        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("CREATE_COMPLETE");
        assertThat(beta.servers()).as("master and agent servers").hasSize(2)
                .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("ACTIVE"));
        assertThat(beta.loadBalancers()).as("no load balancer").isEmpty();
        assertThat(beta.floatingIps()).as("no floating IP").isEmpty();

        beta.deleteAndExpectNothingLeft(uuid, before);
    }

    /** A project of the test cloud, its member's calls to the server under test and what the project has. */
    private static final class Tenant {

        private final String project;
        private final Caller member;
        private final List<String> templates = new java.util.concurrent.CopyOnWriteArrayList<>();

        Tenant(String project) {
            this.project = project;
            this.member = LoopbackCloud.caller(server.url(), project + "-member", project);
            RealResources.ensureKeypair(project, KEYPAIR);
        }

        Map<String, TreeSet<String>> inventory() {
            return RealResources.inventory(project);
        }

        List<JsonNode> servers() {
            return RealResources.servers(project);
        }

        List<JsonNode> loadBalancers() {
            return RealResources.loadBalancers(project);
        }

        List<JsonNode> floatingIps() {
            return RealResources.floatingIps(project);
        }

        TreeSet<String> portsOf(String serverId) {
            return RealResources.portsOf(project, serverId);
        }

        List<JsonNode> agents() {
            return servers().stream().filter(s -> s.path("name").asText().contains("agent")).toList();
        }

        String createBay(Map<String, Object> template, String name, int nodeCount) throws InterruptedException {
            Api.Response model = untilAnswered(() -> member.post("/v1/baymodels", template));
            assertThat(model.status()).as(model.toString()).isEqualTo(201);
            templates.add(model.json().path("uuid").asText());
            Api.Response created = untilAnswered(() -> member.post("/v1/bays", Map.of("name", name + "-"
                            + UUID.randomUUID().toString().substring(0, 4), "baymodel_id",
                    model.json().path("uuid").asText(), "node_count", nodeCount, "master_count", 1,
                    "bay_create_timeout", BAY_TIMEOUT_MINUTES)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().path("uuid").asText();
        }

        void resize(String uuid, int nodeCount, List<String> nodesToRemove) throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("node_count", nodeCount);
            if (!nodesToRemove.isEmpty()) {
                body.put("nodes_to_remove", nodesToRemove);
            }
            Api.Response resized = untilAnswered(() -> member.sendAt("1.7", "POST", "/v1/clusters/" + uuid
                    + "/actions/resize", body));
            assertThat(resized.status()).as(resized.toString()).isEqualTo(202);
            Slowly.await("the resize under way", SETTLE, () -> {
                JsonNode bay = bay(uuid);
                return bay == null ? "(no answer)" : bay.path("status").asText();
            }, status -> status.startsWith("UPDATE_"));
        }

        /**
         * Signals every wait condition as it appears, as the nodes would, until the bay settles. An
         * answer the loaded machine could not give this time (the server's 503 while Keystone is slow,
         * a Keystone or Heat time-out of the test's own calls) is asked again at the next look.
         */
        JsonNode signalUntilSettled(String uuid) throws InterruptedException {
            WaitHandles nodes = new WaitHandles(LoopbackCloud.keystone());
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode bay = bay(uuid);
                if (bay != null && !bay.path("status").asText().endsWith("_IN_PROGRESS")) {
                    return bay;
                }
                try {
                    List<JsonNode> stacks = LoopbackCloud.stacksOf(project, uuid);
                    if (!stacks.isEmpty()) {
                        nodes.signalNew(stacks.get(0).path("stack_name").asText(), stacks.get(0).path("id").asText(),
                                LoopbackCloud.member(project), 1, true, "node up", Duration.ZERO);
                    }
                } catch (AssertionError noNewHandle) {
                    // Heat has not made the next wait condition yet.
                } catch (KeystoneUnavailableException | ServiceUnavailableException | UncheckedIOException busy) {
                    System.err.println("RealCloudIT: asking again after " + busy);
                }
                Thread.sleep(POLL.toMillis());
            }
            throw new AssertionError("bay " + uuid + " did not settle within " + SETTLE + ": "
                    + member.get("/v1/bays/" + uuid));
        }

        /** The bay as the server shows it, or null when the server could not answer this time (5xx, no answer). */
        private JsonNode bay(String uuid) {
            Api.Response response;
            try {
                response = member.get("/v1/bays/" + uuid);
            } catch (UncheckedIOException noAnswer) {
                System.err.println("RealCloudIT: no answer from the server: " + noAnswer);
                return null;
            }
            if (response.status() >= 500) {
                System.err.println("RealCloudIT: the server could not answer now: " + response);
                return null;
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        void deleteAndExpectNothingLeft(String uuid, Map<String, TreeSet<String>> before)
                throws InterruptedException {
            Api.Response deleted = untilAnswered(() -> member.delete("/v1/bays/" + uuid));
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
            Slowly.await("the bay gone", SETTLE, () -> {
                try {
                    return member.get("/v1/bays/" + uuid).status();
                } catch (UncheckedIOException noAnswer) {
                    return 0;
                }
            }, s -> s == 404);
            assertThat(inventory()).as("what the project has after the delete").isEqualTo(before);
        }

        /** A failed test's bays and templates go too, so that the next run finds the project as it was. */
        void deleteEverything() {
            Bays.deleteAll(member, SETTLE);
            templates.forEach(uuid -> member.delete("/v1/baymodels/" + uuid));
        }
    }

    /**
     * A request repeated while the server answers 503, which it does, having done nothing, when
     * Keystone cannot validate the caller's token in time on the loaded machine ("try again later").
     * Any other answer is returned for the test to assert.
     */
    private static Api.Response untilAnswered(java.util.function.Supplier<Api.Response> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Api.Response response = request.get();
        while (response.status() == 503 && System.nanoTime() < deadline) {
            System.err.println("RealCloudIT: asking again after " + response);
            Thread.sleep(POLL.toMillis());
            response = request.get();
        }
        return response;
    }

    private static String fixedAddress(JsonNode server) {
        for (JsonNode network : server.path("addresses")) {
            for (JsonNode address : network) {
                if (address.path("OS-EXT-IPS:type").asText("fixed").equals("fixed")) {
                    return address.path("addr").asText();
                }
            }
        }
        throw new AssertionError("no fixed address on " + server);
    }
}
