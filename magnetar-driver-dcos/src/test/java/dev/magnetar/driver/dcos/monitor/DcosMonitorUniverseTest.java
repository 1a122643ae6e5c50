package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.DcosFaults;
import dev.magnetar.sim.dcos.SimulatedDcos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The package repositories a cluster's labels ask for, applied through the simulated Cosmos by the
 * monitor's poll: the list becomes exactly the wanted one, a second poll changes nothing, a changed
 * label changes the list, and a repository that does not answer is named under {@code universe}
 * while the cluster stays HEALTHY.
 */
class DcosMonitorUniverseTest {

    private static final MonitorContext CONTEXT = new MonitorContext(Duration.ofSeconds(2), Map.of());
    private static SimulatedDcos dcos;
    private static final DcosMonitor monitor = new DcosMonitor();
    private static int clusters;
    private String id;
    private String api;

    @BeforeAll
    static void start() {
        dcos = SimulatedDcos.start();
    }

    @AfterAll
    static void stop() {
        dcos.close();
    }

    @BeforeEach
    void aCluster() {
        id = "universe-" + (++clusters);
        api = dcos.register(DcosClusterSpec.of(id, 1, 2, 0, "2.2.0"));
    }

    private HealthReport poll(Map<String, String> extraLabels) {
        Cluster plain = MonitoredClusters.cluster(api, 1, 2, 0, false);
        Map<String, String> labels = new HashMap<>(plain.spec().labels());
        labels.putAll(extraLabels);
        return monitor.poll(MonitoredClusters.TEMPLATE, plain.toBuilder().labels(labels).build(), CONTEXT);
    }

    @Test
    void withoutTheLabelDcosOwnListIsLeftAlone() {
        HealthReport report = poll(Map.of());

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).isEmpty();
        assertThat(dcos.repositories(id)).containsExactly("Universe=https://universe.mesosphere.com/repo");
    }

    @Test
    void theListBecomesExactlyTheAskedOnesInOrderAndASecondPollChangesNothing() {
        Map<String, String> labels = Map.of("dcos_package_repositories",
                "mirror=https://mirror.example/repo;team=http://10.0.0.9:8080/repo");

        HealthReport first = poll(labels);
        HealthReport second = poll(labels);

        assertThat(first.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(first.reason()).isEmpty();
        assertThat(second.reason()).isEmpty();
        assertThat(dcos.repositories(id)).containsExactly("mirror=https://mirror.example/repo",
                "team=http://10.0.0.9:8080/repo");
    }

    @Test
    void keepingTheDefaultListsThePublicUniverseLast() {
        poll(Map.of("dcos_package_repositories", "mirror=https://mirror.example/repo",
                "dcos_package_repositories_keep_default", "true"));

        assertThat(dcos.repositories(id)).containsExactly("mirror=https://mirror.example/repo",
                "Universe=https://universe.mesosphere.com/repo");
    }

    @Test
    void aChangedLabelChangesTheListAndRemovesWhatIsNoLongerAsked() {
        poll(Map.of("dcos_package_repositories", "a=https://a.example/repo;b=https://b.example/repo"));

        poll(Map.of("dcos_package_repositories", "b=https://b.example/repo;c=https://c.example/repo"));

        assertThat(dcos.repositories(id)).containsExactly("b=https://b.example/repo", "c=https://c.example/repo");
    }

    @Test
    void anUnreachableRepositoryIsNamedUnderUniverseWhileTheClusterStaysHealthy() {
        Map<String, String> labels = Map.of("dcos_package_repositories",
                "mirror=https://mirror.example/repo;team=http://10.0.0.9:8080/repo");
        poll(labels);
        dcos.setFaults(id, DcosFaults.NONE.withUnreachableRepository("team"));

        HealthReport report = poll(labels);

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).containsOnlyKeys("universe");
        assertThat(report.reason().get("universe")).startsWith("repository 'team' unreachable: HTTP 502 from "
                + "/package/search (Could not access data at URI http://10.0.0.9:8080/repo)");
    }

    @Test
    void aRepositoryFaultBesideADcosFaultKeepsBothReasonsApart() {
        Map<String, String> labels = Map.of("dcos_package_repositories", "mirror=https://mirror.example/repo");
        poll(labels);
        dcos.setFaults(id, DcosFaults.NONE.withUnreachableRepository("mirror").withMarathonDown());

        HealthReport report = poll(labels);

        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsKeys("universe", "marathon");
        assertThat(report.reason()).contains(entry("universe", "repository 'mirror' unreachable: HTTP 502 from "
                + "/package/search (Could not access data at URI https://mirror.example/repo)"));
    }
}
