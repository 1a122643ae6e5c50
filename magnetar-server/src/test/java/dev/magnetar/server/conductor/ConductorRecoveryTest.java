package dev.magnetar.server.conductor;

import dev.magnetar.core.conductor.OperationExecutor;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.conductor.StackNames;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.service.CloudResources;
import dev.magnetar.core.service.ClusterRequest;
import dev.magnetar.core.service.ClusterService;
import dev.magnetar.core.service.ClusterTemplateService;
import dev.magnetar.core.service.NameGenerator;
import dev.magnetar.core.service.ServiceSettings;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.StubServer;
import dev.magnetar.openstack.http.StubServer.Answer;
import dev.magnetar.openstack.keystone.ClusterUserSettings;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneClusterCredentials;
import dev.magnetar.openstack.keystone.KeystoneSettings;
import dev.magnetar.openstack.keystone.Tokens;
import dev.magnetar.server.testdriver.TestDriver;
import dev.magnetar.sim.DurationProfile;
import dev.magnetar.sim.SimulatedCatalogue;
import dev.magnetar.sim.SimulatedOrchestrator;
import dev.magnetar.store.Store;
import dev.magnetar.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two windows a crash can leave behind, reproduced exactly: a stack created but its operation
 * not yet recorded as done, and a worker that died holding an operation's lease.
 */
class ConductorRecoveryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final RequestContext caller = new RequestContext("req-1", "u", "u", "p", "p", "d", "D", Set.of("member"), null);
    private Store store;
    private Database database;
    private SimulatedOrchestrator cloud;
    private DriverRegistry drivers;
    private ClusterService clusters;
    private ClusterTemplateService templates;

    @BeforeEach
    void setUp() {
        store = Store.open(new StoreConfig("jdbc:h2:mem:recovery" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "", "", 4));
        store.migrate();
        database = store.database();
        cloud = SimulatedOrchestrator.inMemory(clock, DurationProfile.fast());
        drivers = new DriverRegistry(List.of(new TestDriver()));
        CloudResources resources = new CloudResources(SimulatedCatalogue.defaults());
        NameGenerator names = new NameGenerator(new Random(1));
        templates = new ClusterTemplateService(database, drivers, resources, names, clock);
        clusters = new ClusterService(database, templates, resources, names, ServiceSettings.defaults(),
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private OperationExecutor executor(Duration lease) {
        return new OperationExecutor(database, cloud, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, lease);
    }

    private Cluster requestCluster() {
        ClusterTemplate template = templates.create(caller, ClusterTemplate.builder()
                .uuid("11111111-2222-4333-8444-555555555555").coe("kubernetes").imageId("fedora-coreos")
                .externalNetworkId("public").masterLbEnabled(true).build(), "template");
        return clusters.create(caller, new ClusterRequest(null, "c1", template.uuid(),
                new ClusterRequest.Nodes(2, 1, null, null, null), null, null), "cluster");
    }

    @Test
    void a_create_retried_after_its_stack_was_made_adopts_that_stack_instead_of_making_another() {
        Cluster cluster = requestCluster();
        ClusterTemplate template = clusters.templateOf(cluster);
        String earlier = cloud.create(new StackRequest(StackNames.of(cluster),
                new TestDriver().stackSpec(template, cluster, DeploymentContext.local(DriverSettings.EMPTY)), 60, true,
                List.of(), StackCredential.NONE));

        assertThat(executor(Duration.ofMinutes(2)).runNext("worker-b")).isTrue();

        Cluster after = database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow();
        assertThat(after.observed().stackId()).isEqualTo(earlier);
        assertThat(cloud.describe()).contains("1 stack(s)");
        new Reconciler(database, cloud, drivers, ClusterCredentials.NONE, clock).reconcileAll();
        assertThat(database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow().status())
                .isEqualTo(ClusterStatus.CREATE_COMPLETE);
    }

    @Test
    void a_create_whose_stack_another_attempt_made_after_it_looked_adopts_that_stack_instead_of_failing() {
        Cluster cluster = requestCluster();
        ClusterTemplate template = clusters.templateOf(cluster);
        String[] other = new String[1];
        // The other attempt (its lease expired while it still ran) creates the stack right after this
        // attempt found none.
        dev.magnetar.core.port.Orchestrator racing = new dev.magnetar.core.port.Orchestrator() {
            @Override
            public String create(StackRequest request) {
                return cloud.create(request);
            }

            @Override
            public java.util.Optional<dev.magnetar.core.port.Stack> find(String name, StackCredential credential) {
                java.util.Optional<dev.magnetar.core.port.Stack> found = cloud.find(name, credential);
                if (found.isEmpty() && other[0] == null) {
                    other[0] = cloud.create(new StackRequest(name, new TestDriver().stackSpec(template, cluster,
                            DeploymentContext.local(DriverSettings.EMPTY)), 60, true, List.of(), StackCredential.NONE));
                }
                return found;
            }

            @Override
            public void update(String name, String id, dev.magnetar.core.port.StackUpdate update, StackCredential credential) {
                cloud.update(name, id, update, credential);
            }

            @Override
            public void delete(String name, String id, StackCredential credential) {
                cloud.delete(name, id, credential);
            }

            @Override
            public List<dev.magnetar.core.port.StackResource> resources(String name, String id, int nestedDepth,
                                                                       StackCredential credential) {
                return cloud.resources(name, id, nestedDepth, credential);
            }
        };
        OperationExecutor executor = new OperationExecutor(database, racing, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2));

        assertThat(executor.runNext("worker-a")).isTrue();

        Cluster after = database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow();
        assertThat(after.status()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
        assertThat(after.observed().stackId()).isEqualTo(other[0]);
        assertThat(cloud.describe()).contains("1 stack(s)");
    }

    @Test
    void an_operation_whose_worker_died_is_taken_over_once_its_lease_expires() {
        Cluster cluster = requestCluster();
        java.util.Optional<dev.magnetar.core.model.Operation> claimed = database.transaction(
                r -> r.operations().claimNext("worker-a", clock.instant(), Duration.ofSeconds(30)));
        assertThat(claimed).as("worker-a claims and then dies").isPresent();

        assertThat(executor(Duration.ofSeconds(30)).runNext("worker-b")).as("lease still held").isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(executor(Duration.ofSeconds(30)).runNext("worker-b")).isTrue();

        List<dev.magnetar.core.model.Operation> pending = database.transaction(r -> r.operations().pendingFor(cluster.uuid()));
        assertThat(pending).isEmpty();
        assertThat(database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow().observed().stackId()).isNotNull();
    }

    @Test
    void a_transient_orchestrator_failure_is_retried_with_backoff_not_failed() {
        Cluster cluster = requestCluster();
        cloud.faults().add(dev.magnetar.sim.Fault.ApiUnavailable.forCalls(1));

        assertThat(executor(Duration.ofMinutes(2)).runNext("worker")).isTrue();
        assertThat(database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow().status())
                .isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
        assertThat(executor(Duration.ofMinutes(2)).runNext("worker")).as("not due yet").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(executor(Duration.ofMinutes(2)).runNext("worker")).isTrue();
        assertThat(database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow().observed().stackId()).isNotNull();
    }

    @Test
    void a_keystone_that_cannot_answer_while_the_cluster_user_is_set_up_is_retried_not_failed() throws IOException {
        Cluster cluster = requestCluster();
        try (StubServer keystone = new StubServer()) {
            Tokens.issue(keystone, "service-token", Tokens.body("magnetar", "service", "admin",
                    clock.instant().plusSeconds(3600), Map.of()));
            keystone.on("GET", "/v3/domains?name=magnetar", Answer.json(200, "{\"domains\": [{\"id\": \"dom\"}]}"));
            keystone.on("GET", "/v3/users?domain_id=dom&name=cluster-" + cluster.uuid(),
                    Answer.json(503, "{\"error\": {\"code\": 503, \"message\": \"Service Unavailable\"}}"),
                    Answer.json(200, "{\"users\": []}"));
            keystone.on("POST", "/v3/users", Answer.json(201, "{\"user\": {\"id\": \"user-1\"}}"));
            keystone.on("GET", "/v3/roles?name=member", Answer.json(200, "{\"roles\": [{\"id\": \"role-1\"}]}"));
            keystone.on("PUT", "/v3/projects/" + cluster.projectId() + "/users/user-1/roles/role-1",
                    new Answer(204, "", Map.of()));
            KeystoneSettings settings = new KeystoneSettings(keystone.uri("/v3"), "magnetar", "secret", null,
                    "service", null, null, null, null, Duration.ofSeconds(60), 100, Duration.ofSeconds(5),
                    new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
            ClusterCredentials credentials = new KeystoneClusterCredentials(new KeystoneClient(settings,
                    new OpenStackHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5), d -> { }), clock),
                    new ClusterUserSettings("magnetar", List.of("member"), "recovery-test-derivation-key"));
            OperationExecutor executor = new OperationExecutor(database, cloud, drivers, credentials,
                    (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2));

            assertThat(executor.runNext("worker")).isTrue();
            Cluster waiting = database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow();
            assertThat(waiting.status()).as(waiting.observed().statusReason()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
            assertThat(waiting.observed().stackId()).isNull();
            assertThat(executor.runNext("worker")).as("not due yet").isFalse();
            clock.advance(Duration.ofSeconds(2));
            assertThat(executor.runNext("worker")).isTrue();

            Cluster created = database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow();
            assertThat(created.status()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
            assertThat(created.observed().stackId()).isNotNull();
            assertThat(keystone.count("POST", "/v3/users")).isEqualTo(1);
        }
    }
}
