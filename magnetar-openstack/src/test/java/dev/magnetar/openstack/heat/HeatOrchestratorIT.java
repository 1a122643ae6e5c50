package dev.magnetar.openstack.heat;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.OrchestratorException.Kind;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.ApplicationCredential;
import dev.magnetar.openstack.keystone.ClusterUserSettings;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneClusterCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HeatOrchestrator} driving real stacks on the real Heat that openstack-on-loopback.sh runs,
 * authenticated with per-cluster credentials from {@link KeystoneClusterCredentials}. The stacks
 * are a ResourceGroup of a nested template (sent in {@code files}) whose nodes report through
 * wait conditions; this test signals them as booted nodes would.
 */
@ExtendWith(LoopbackOpenStack.class)
class HeatOrchestratorIT {

    private static KeystoneClient keystone;
    private static KeystoneClusterCredentials credentials;
    private static HeatOrchestrator heat;
    private static String alphaProjectId;
    private static final List<Cluster> clusters = new ArrayList<>();

    @BeforeAll
    static void connect() {
        keystone = LoopbackOpenStack.serviceClient();
        credentials = new KeystoneClusterCredentials(keystone,
                new ClusterUserSettings("magnetar", List.of("member"), "integration-test-derivation-key"));
        heat = new HeatOrchestrator(keystone, HeatSettings.DEFAULT
                .withResourceRegistryOverrides(HeatSettings.NO_COMPUTE_NETWORK_STORAGE));
        alphaProjectId = LoopbackOpenStack.login(keystone, "alpha-member", "alpha").info().projectId();
    }

    @AfterAll
    static void cleanUp() {
        clusters.forEach(credentials::revoke);
    }

    @Test
    void drivesAClusterStackThroughCreateAdoptionScaleAndDelete() throws Exception {
        Cluster cluster = newCluster();
        StackCredential credential = credentials.establish(cluster);
        StackRequest request = request(cluster, 2, credential);
        WaitHandles nodes = new WaitHandles(keystone);

        String id = heat.create(request);
        assertThat(heat.create(request)).as("a retried create adopts the stack it made").isEqualTo(id);
        Stack creating = heat.find(request.name(), credential).orElseThrow();
        assertThat(creating.id()).isEqualTo(id);
        assertThat(creating.status()).hasToString("CREATE_IN_PROGRESS");

        nodes.signalNew(request.name(), id, credential, 2, true, "node booted");
        Stack created = settle(request.name(), credential);
        assertThat(created.status()).hasToString("CREATE_COMPLETE");
        assertThat(created.outputs().get("node_names")).isEqualTo(List.of("node-0", "node-1"));
        assertThat(created.outputs()).containsKey("master_address").containsEntry("master_address", null);
        assertThat(String.valueOf(created.outputs().get("node_reports"))).contains("10.0.0.10", "10.0.0.11");
        assertThat(created.parameters()).containsEntry("node_count", "2").doesNotContainKey("OS::stack_id");

        StackUpdate scaleToThree = new StackUpdate(Map.of("node_count", 3), true, 10);
        heat.update(request.name(), id, scaleToThree, credential);
        assertThatThrownBy(() -> heat.update(request.name(), id, scaleToThree, credential))
                .as("a retried update must not cancel the one Heat is running")
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
                .hasMessageContaining("UPDATE_IN_PROGRESS");
        nodes.signalNew(request.name(), id, credential, 1, true, "node booted");
        Stack scaled = settle(request.name(), credential);
        assertThat(scaled.status()).hasToString("UPDATE_COMPLETE");
        assertThat(scaled.outputs().get("node_names")).isEqualTo(List.of("node-0", "node-1", "node-2"));

        List<StackResource> resources = heat.resources(request.name(), id, 2, credential);
        assertThat(resources).extracting(StackResource::path)
                .contains("nodes", "master", "api_lb", "nodes/0", "nodes/2/wait_condition", "nodes/1/volume");
        assertThat(resources).filteredOn(r -> r.path().equals("master"))
                .extracting(StackResource::type).containsExactly("OS::Nova::Server");
        assertThat(resources).noneMatch(StackResource::isFailed);
        assertThat(heat.resources(request.name(), id, 0, credential)).extracting(StackResource::path)
                .doesNotContain("nodes/0");

        heat.delete(request.name(), id, credential);
        assertThat(settleGone(request.name(), credential)).isEmpty();
        heat.delete(request.name(), id, credential); // deleting what is gone is not an error
    }

    @Test
    void aNodeThatSignalsFailureFailsTheCreateAndNamesTheResource() throws Exception {
        Cluster cluster = newCluster();
        StackCredential credential = credentials.establish(cluster);
        StackRequest request = request(cluster, 1, credential);

        String id = heat.create(request);
        new WaitHandles(keystone).signalNew(request.name(), id, credential, 1, false, "docker did not start");
        Stack failed = settle(request.name(), credential);

        assertThat(failed.status()).hasToString("CREATE_FAILED");
        assertThat(failed.statusReason()).contains("docker did not start");
        assertThat(heat.resources(request.name(), id, 2, credential))
                .filteredOn(StackResource::isFailed)
                .extracting(StackResource::path)
                .contains("nodes", "nodes/0", "nodes/0/wait_condition");
        heat.delete(request.name(), id, credential);
    }

    @Test
    void aTemplateHeatCannotAcceptIsRejectedWithHeatsMessage() {
        Cluster cluster = newCluster();
        StackCredential credential = credentials.establish(cluster);
        StackSpec spec = new StackSpec("heat_template_version: 2018-08-31\nresources:\n  x:\n    type: Magnetar::Unknown\n",
                Map.of(), "", Map.of());

        assertThatThrownBy(() -> heat.create(new StackRequest(stackName(cluster), spec, 5, true, List.of(), credential)))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("Magnetar::Unknown");
                });
        assertThat(heat.find(stackName(cluster), credential)).isEmpty();
    }

    @Test
    void aRevokedClusterCredentialCanNoLongerReachHeat() {
        Cluster cluster = newCluster();
        StackCredential credential = credentials.establish(cluster);
        assertThat(heat.find(stackName(cluster), credential)).isEmpty();

        credentials.revoke(cluster);
        HeatOrchestrator fresh = new HeatOrchestrator(keystone, HeatSettings.DEFAULT);

        assertThatThrownBy(() -> fresh.find(stackName(cluster), credential))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).doesNotContain(credential.secret());
                });
    }

    /**
     * The reason per-cluster credentials are users: Heat makes a trust from the caller's token at
     * stack create, and Keystone forbids that with an application credential's token, so Heat fails.
     */
    @Test
    void heatCannotCreateStacksWithAnApplicationCredentialsToken() {
        IssuedToken member = LoopbackOpenStack.login(keystone, "alpha-member", "alpha");
        ApplicationCredential applicationCredential = keystone.createApplicationCredential(member,
                "magnetar-it-" + System.nanoTime(), "HeatOrchestratorIT", Instant.now().plusSeconds(300));
        StackCredential credential = new StackCredential(null, applicationCredential.id(), applicationCredential.secret());
        HeatOrchestrator patientlyOnce = new HeatOrchestrator(keystone,
                new HeatSettings(null, null, RetryPolicy.NONE, null, Map.of()),
                new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC());
        StackSpec spec = new StackSpec("heat_template_version: 2018-08-31\nresources: {}\n", Map.of(), "", Map.of());
        try {
            assertThatThrownBy(() -> patientlyOnce.create(new StackRequest("magnetar-it-appcred-" + System.nanoTime(),
                    spec, 5, true, List.of(), credential)))
                    .isInstanceOfSatisfying(OrchestratorException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        } finally {
            keystone.deleteApplicationCredential(member.value(), member.info().userId(), applicationCredential.id());
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static Cluster newCluster() {
        Cluster cluster = Cluster.builder().uuid(UUID.randomUUID().toString()).name("it").projectId(alphaProjectId)
                .build();
        clusters.add(cluster);
        return cluster;
    }

    private static String stackName(Cluster cluster) {
        return "it-" + cluster.uuid().replace("-", "").substring(0, 12);
    }

    private static StackRequest request(Cluster cluster, int nodeCount, StackCredential credential) throws IOException {
        StackSpec spec = new StackSpec(resource("cluster.yaml"), Map.of("node.yaml", resource("node.yaml")),
                resource("cluster-env.yaml"), Map.of("node_count", nodeCount));
        return new StackRequest(stackName(cluster), spec, 10, true,
                List.of("magnetar", "cluster_uuid=" + cluster.uuid()), credential);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HeatOrchestratorIT.class.getResourceAsStream("/heat/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Stack settle(String name, StackCredential credential) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Stack stack = heat.find(name, credential).orElseThrow();
            if (!stack.status().isInProgress() || System.nanoTime() > deadline) {
                return stack;
            }
            Thread.sleep(500);
        }
    }

    private static Optional<Stack> settleGone(String name, StackCredential credential) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<Stack> stack = heat.find(name, credential);
        while (stack.isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stack = heat.find(name, credential);
        }
        return stack;
    }
}
