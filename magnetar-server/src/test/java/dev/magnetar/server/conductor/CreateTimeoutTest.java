package dev.magnetar.server.conductor;

import dev.magnetar.core.conductor.OperationExecutor;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterCredentials;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create whose stack never finishes ends CREATE_FAILED once its create_timeout has passed, with a
 * reason and faults that name what was still in progress — measured on a clock the test moves, so
 * a one-minute timeout takes milliseconds.
 */
class CreateTimeoutTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final Store store = Store.open(new StoreConfig("jdbc:h2:mem:timeout" + System.nanoTime()
            + ";DB_CLOSE_DELAY=-1", "", "", 4));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_stalled_create_fails_at_its_timeout_naming_the_resources_still_in_progress() {
        store.migrate();
        Database database = store.database();
        SimulatedOrchestrator cloud = SimulatedOrchestrator.inMemory(clock, DurationProfile.fast());
        cloud.faults().add(new Fault.StallResource("nodes/*/ready", Fault.Action.CREATE));
        DriverRegistry drivers = new DriverRegistry(List.of(new TestDriver()));
        CloudResources resources = new CloudResources(SimulatedCatalogue.defaults());
        NameGenerator names = new NameGenerator(new Random(1));
        ClusterTemplateService templates = new ClusterTemplateService(database, drivers, resources, names, clock);
        ClusterService clusters = new ClusterService(database, templates, resources, names, ServiceSettings.defaults(),
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock);
        RequestContext caller = new RequestContext("req", "u", "u", "p", "p", "d", "D", Set.of("member"), null);
        ClusterTemplate template = templates.create(caller, ClusterTemplate.builder()
                .uuid("22222222-3333-4444-8555-666666666666").coe("kubernetes").imageId("fedora-coreos")
                .externalNetworkId("public").build(), "template");
        Cluster cluster = clusters.create(caller, new ClusterRequest(null, "slow", template.uuid(),
                new ClusterRequest.Nodes(1, 1, null, null, null), null,
                new ClusterRequest.Options(null, 1, null, null, null, null, null)), "cluster");
        new OperationExecutor(database, cloud, drivers, ClusterCredentials.NONE,
                (c, d, cred) -> DeploymentContext.local(DriverSettings.EMPTY), clock, Duration.ofMinutes(2))
                .runNext("worker");
        Reconciler reconciler = new Reconciler(database, cloud, drivers, ClusterCredentials.NONE, clock);

        clock.advance(Duration.ofSeconds(59));
        reconciler.reconcileAll();
        assertThat(status(database, cluster)).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);

        clock.advance(Duration.ofSeconds(2));
        reconciler.reconcileAll();
        Cluster failed = database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow();
        assertThat(failed.status()).isEqualTo(ClusterStatus.CREATE_FAILED);
        assertThat(failed.observed().statusReason()).containsIgnoringCase("timed out");
        assertThat(failed.observed().statusReason() + failed.observed().faults()).contains("nodes/0/ready");
    }

    private static ClusterStatus status(Database database, Cluster cluster) {
        return database.transaction(r -> r.clusters().findByUuid(cluster.uuid())).orElseThrow().status();
    }
}
