package dev.magnetar.server.conductor;

import dev.magnetar.core.conductor.OperationExecutor;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.ConductorMetrics;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.service.CloudResources;
import dev.magnetar.core.service.ClusterRequest;
import dev.magnetar.core.service.ClusterService;
import dev.magnetar.core.service.ClusterTemplateService;
import dev.magnetar.core.service.NameGenerator;
import dev.magnetar.core.service.ServiceSettings;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.server.testdriver.TestDriver;
import dev.magnetar.sim.DurationProfile;
import dev.magnetar.sim.Fault;
import dev.magnetar.sim.SimulatedCatalogue;
import dev.magnetar.sim.SimulatedOrchestrator;
import dev.magnetar.store.Store;
import dev.magnetar.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two notices that let this process's conductor act at once instead of at its next interval:
 * the API tells the workers when it stored an operation, and a worker names the cluster whose
 * operation it carried out so that its stack is looked at straight away.
 */
class PromptWorkTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final RequestContext caller = new RequestContext("req-1", "u", "u", "p", "p", "d", "D", Set.of("member"), null);
    private final AtomicInteger operationsStored = new AtomicInteger();
    private final List<String> done = new ArrayList<>();
    private Store store;
    private Database database;
    private SimulatedOrchestrator cloud;
    private DriverRegistry drivers;
    private ClusterService clusters;
    private ClusterTemplate template;

    @BeforeEach
    void setUp() {
        store = Store.open(new StoreConfig("jdbc:h2:mem:prompt" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "", "", 4));
        store.migrate();
        database = store.database();
        cloud = SimulatedOrchestrator.inMemory(clock, DurationProfile.fast());
        drivers = new DriverRegistry(List.of(new TestDriver()));
        CloudResources resources = new CloudResources(SimulatedCatalogue.defaults());
        NameGenerator names = new NameGenerator(new Random(1));
        ClusterTemplateService templates = new ClusterTemplateService(database, drivers, resources, names, clock);
        clusters = new ClusterService(database, templates, resources, names, ServiceSettings.defaults(),
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, operationsStored::incrementAndGet);
        template = templates.create(caller, ClusterTemplate.builder()
                .uuid("11111111-2222-4333-8444-555555555555").coe("kubernetes").imageId("fedora-coreos")
                .externalNetworkId("public").masterLbEnabled(true).build(), "template");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private OperationExecutor executor() {
        return new OperationExecutor(database, cloud, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2), null,
                ConductorMetrics.NONE, done::add);
    }

    private Cluster requestCluster(String templateId) {
        return clusters.create(caller, new ClusterRequest(null, "c1", templateId,
                new ClusterRequest.Nodes(2, 1, null, null, null), null, null), "cluster");
    }

    private Cluster stored(Cluster cluster) {
        return database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow();
    }

    @Test
    void the_workers_are_told_after_each_create_scale_and_delete_is_stored() {
        Cluster cluster = requestCluster(template.uuid());
        assertThat(operationsStored).hasValue(1);
        executor().runNext("worker");
        new Reconciler(database, cloud, drivers, ClusterCredentials.NONE, clock).reconcile(cluster.uuid());

        clusters.resize(caller, cluster.uuid(), 3, List.of(), false);
        assertThat(operationsStored).hasValue(2);

        clusters.delete(caller, cluster.uuid());
        assertThat(operationsStored).hasValue(3);
    }

    @Test
    void a_refused_request_stores_nothing_and_tells_nobody() {
        assertThatThrownBy(() -> requestCluster("99999999-2222-4333-8444-555555555555"))
                .isInstanceOf(MagnetarException.class);

        assertThat(operationsStored).hasValue(0);
    }

    @Test
    void a_worker_names_the_cluster_once_its_operation_is_carried_out_and_not_while_it_waits_for_a_retry() {
        Cluster cluster = requestCluster(template.uuid());
        cloud.faults().add(Fault.ApiUnavailable.forCalls(1));

        assertThat(executor().runNext("worker")).isTrue();
        assertThat(done).as("retried later").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(executor().runNext("worker")).isTrue();
        assertThat(done).containsExactly(cluster.uuid());
    }

    @Test
    void a_cluster_named_by_the_worker_settles_on_that_one_reconcile_when_its_stack_did() {
        Cluster cluster = requestCluster(template.uuid());
        executor().runNext("worker");

        Reconciler reconciler = new Reconciler(database, cloud, drivers, ClusterCredentials.NONE, clock);
        assertThat(reconciler.reconcile(done.get(0))).isTrue();

        assertThat(stored(cluster).status()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    }

    /** Counts the transactions that reach the database through it. */
    private static final class CountingDatabase implements Database {
        private final Database inner;
        private final AtomicInteger transactions = new AtomicInteger();

        CountingDatabase(Database inner) {
            this.inner = inner;
        }

        @Override
        public <T> T transaction(java.util.function.Function<dev.magnetar.core.port.Repositories, T> work) {
            transactions.incrementAndGet();
            return inner.transaction(work);
        }
    }

    @Test
    void a_create_costs_its_worker_two_transactions_and_settling_it_two_more() {
        Cluster cluster = requestCluster(template.uuid());
        CountingDatabase counted = new CountingDatabase(database);
        OperationExecutor executor = new OperationExecutor(counted, cloud, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2), null,
                ConductorMetrics.NONE, done::add);

        assertThat(executor.runNext("worker")).isTrue();
        assertThat(counted.transactions).as("claim with its reads; stack id with the completion").hasValue(2);
        assertThat(stored(cluster).observed().stackId()).isNotNull();
        List<dev.magnetar.core.model.Operation> left = database.transaction(r -> r.operations().pendingFor(cluster.uuid()));
        assertThat(left).isEmpty();

        counted.transactions.set(0);
        assertThat(new Reconciler(counted, cloud, drivers, ClusterCredentials.NONE, clock).reconcile(cluster.uuid()))
                .isTrue();
        assertThat(counted.transactions).as("cluster, pending operations and template read at once; the save")
                .hasValue(2);
        assertThat(stored(cluster).status()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    }

    @Test
    void a_reconcile_pass_over_clusters_whose_stacks_are_still_building_reads_the_database_only_for_the_list() {
        SimulatedOrchestrator slow = SimulatedOrchestrator.inMemory(clock,
                new DurationProfile(java.util.Map.of(), Duration.ofSeconds(30), 0));
        OperationExecutor executor = new OperationExecutor(database, slow, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2), null,
                ConductorMetrics.NONE, done::add);
        List<Cluster> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(clusters.create(caller, new ClusterRequest(null, "c" + i, template.uuid(),
                    new ClusterRequest.Nodes(1, 1, null, null, null), null, null), "cluster"));
            assertThat(executor.runNext("worker")).isTrue();
        }
        CountingDatabase counted = new CountingDatabase(database);
        Reconciler reconciler = new Reconciler(counted, slow, drivers, ClusterCredentials.NONE, clock);

        assertThat(reconciler.reconcileAll()).isZero();
        assertThat(counted.transactions).as("the list and the pending operations, nothing per cluster").hasValue(2);

        clock.advance(Duration.ofMinutes(30));
        assertThat(reconciler.reconcileAll()).as("settled since").isEqualTo(3);
        for (Cluster cluster : made) {
            assertThat(stored(cluster).status()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
        }
    }

    @Test
    void a_stack_found_still_building_is_reconciled_again_when_the_orchestrator_says_it_settled() throws Exception {
        SimulatedOrchestrator slow = SimulatedOrchestrator.inMemory(clock,
                new DurationProfile(java.util.Map.of(), Duration.ofMillis(50), 0));
        OperationExecutor executor = new OperationExecutor(database, slow, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2), null,
                ConductorMetrics.NONE, done::add);
        Cluster cluster = requestCluster(template.uuid());
        assertThat(executor.runNext("worker")).isTrue();
        java.util.concurrent.BlockingQueue<String> told = new java.util.concurrent.LinkedBlockingQueue<>();
        Reconciler reconciler = new Reconciler(database, slow, drivers, ClusterCredentials.NONE, clock, uuid -> { },
                told::add);

        assertThat(reconciler.reconcile(cluster.uuid())).as("still building").isFalse();
        assertThat(reconciler.reconcile(cluster.uuid())).as("asked again").isFalse();
        clock.advance(Duration.ofHours(1));   // the simulated timeline: settled now; the wall clock tells

        assertThat(told.take()).isEqualTo(cluster.uuid());
        assertThat(reconciler.reconcile(cluster.uuid())).isTrue();
        assertThat(stored(cluster).status()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    }
}
