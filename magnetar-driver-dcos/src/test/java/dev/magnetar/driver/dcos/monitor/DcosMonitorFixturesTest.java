package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.HealthStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The monitor's judgement of the recorded DC/OS 2.2 bodies, served under a path prefix. The
 * recording is of a cluster with 3 masters, 2 private agents and 1 public agent whose first master
 * fails its clock check; each test changes one body from there.
 */
class DcosMonitorFixturesTest {

    private static final DcosMonitor monitor = new DcosMonitor();
    private FixtureAdminRouter router;

    @BeforeEach
    void start() throws Exception {
        router = new FixtureAdminRouter();
    }

    @AfterEach
    void stop() {
        router.close();
    }

    /**
     * A poll with a session of its own: each test's router has a CA of its own. The timeout leaves
     * room for the first poll's TLS handshakes on a loaded machine; nothing here is judged on time.
     */
    private HealthReport poll() {
        return monitor.poll(MonitoredClusters.TEMPLATE, MonitoredClusters.cluster(router.apiAddress(), 3, 2, 1, false),
                new MonitorContext(Duration.ofSeconds(10), Map.of()));
    }

    /** The recorded nodes list as a healthy cluster of this shape would give it: every node reporting 0. */
    private static JsonNode allNodesHealthy(JsonNode recorded) {
        ArrayNode nodes = ((ObjectNode) recorded).putArray("nodes");
        for (String[] node : new String[][]{{"10.0.0.11", "master"}, {"10.0.0.12", "master"}, {"10.0.0.13", "master"},
                {"10.0.0.21", "agent"}, {"10.0.0.22", "agent"}, {"10.0.0.31", "agent_public"}}) {
            nodes.addObject().put("host_ip", node[0]).put("health", 0).put("role", node[1]);
        }
        return recorded;
    }

    private static JsonNode allUnitsHealthy(JsonNode units) {
        units.get("units").forEach(unit -> ((ObjectNode) unit).put("health", 0));
        return units;
    }

    private void healthyBaseline() {
        router.edit("/system/health/v1/nodes", DcosMonitorFixturesTest::allNodesHealthy)
                .edit("/system/health/v1/units", DcosMonitorFixturesTest::allUnitsHealthy);
    }

    @Test
    void theRecordingAsItIsNamesTheUnhealthyMasterItsFailingUnitAndTheNodesThatDoNotReport() {
        HealthReport report = poll();
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsOnly(
                entry("node/10.0.0.11", "master unhealthy in dcos-diagnostics (health 1)"),
                entry("unit/dcos-checks-poststart.service",
                        "DC/OS Checks Poststart unhealthy on at least one node (health 1)"),
                entry("nodes", "3 of 6 nodes report to dcos-diagnostics"));
    }

    @Test
    void utilisationAndVersionComeFromTheRecordedGaugesAndNodeRecord() {
        HealthReport report = poll();
        assertThat(report.coeVersion()).isEqualTo("2.2.1");
        assertThat(report.metrics()).containsOnly(entry("cpu_used", 1.5), entry("cpu_total", 12.0),
                entry("mem_used_mb", 2048.0), entry("mem_total_mb", 44583.0), entry("disk_used_mb", 0.0),
                entry("disk_total_mb", 105492.0), entry("agents_active", 3.0), entry("agents_expected", 3.0));
    }

    @Test
    void withEveryNodeAndUnitHealthyTheRecordingIsHealthy() {
        healthyBaseline();
        HealthReport report = poll();
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).isEmpty();
    }

    @Test
    void aMasterThatIsNotElectedIsUnhealthy() {
        healthyBaseline();
        router.edit("/mesos/metrics/snapshot", m -> ((ObjectNode) m).put("master/elected", 0.0));
        assertThat(poll().reason()).containsExactly(entry("mesos_master",
                "no elected leading master (master/elected is 0.0)"));
    }

    @Test
    void aReplicatedLogNotRecoveredIsUnhealthy() {
        healthyBaseline();
        router.edit("/mesos/metrics/snapshot", m -> ((ObjectNode) m).put("registrar/log/recovered", 0.0));
        assertThat(poll().reason()).containsExactly(entry("mesos_registrar",
                "replicated log not recovered (registrar/log/recovered is 0.0)"));
    }

    @Test
    void marathonWithoutAnElectedLeaderIsUnhealthy() {
        healthyBaseline();
        router.edit("/marathon/v2/info", info -> ((ObjectNode) info).put("elected", false));
        assertThat(poll().reason()).containsExactly(entry("marathon", "no elected leader"));
    }

    @Test
    void anEnsembleWithoutALeaderIsUnhealthy() {
        healthyBaseline();
        router.edit("/exhibitor/exhibitor/v1/cluster/status", members -> {
            members.forEach(member -> ((ObjectNode) member).put("isLeader", false));
            return members;
        });
        assertThat(poll().reason()).containsExactly(entry("exhibitor", "no ZooKeeper leader"));
    }

    @Test
    void anAnswerThatIsNotJsonIsUnhealthyForItsComponent() {
        healthyBaseline();
        router.answer("/marathon/v2/info", 200, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(poll().reason()).containsExactly(entry("marathon", "answer from /marathon/v2/info is not JSON"));
    }

    @Test
    void anEndlessAnswerIsCutOffRatherThanRead() {
        healthyBaseline();
        byte[] huge = new byte[AdminRouter.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        router.answer("/system/health/v1/units", 200, huge);
        assertThat(poll().reason()).containsExactly(entry("units", "HTTP 200 from /system/health/v1/units: answer "
                + "larger than " + AdminRouter.MAX_BODY_BYTES + " bytes"));
    }

    @Test
    void theRecordedCatalogueIsReadWithCosmosMediaTypesAndChangesNothingWhenNoRepositoriesAreAsked() {
        healthyBaseline();

        HealthReport report = poll();

        assertThat(report.reason()).isEmpty();
        assertThat(router.requests).contains(
                "POST /package/repository/list application/vnd.dcos.package.repository.list-request+json;charset=utf-8;version=v1 {}",
                "POST /package/search application/vnd.dcos.package.search-request+json;charset=utf-8;version=v1 {}");
        assertThat(router.requests).noneMatch(r -> r.contains("/package/repository/add")
                || r.contains("/package/repository/delete"));
    }

    @Test
    void aCatalogueWithoutPackagesIsNotedUnderUniverseWhileTheClusterStaysHealthy() {
        healthyBaseline();
        router.answer("/package/search", 200, "{\"packages\":[]}".getBytes(StandardCharsets.UTF_8));

        HealthReport report = poll();

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).containsExactly(entry("universe", "the listed repositories offer no packages"));
    }

    @Test
    void aSearchErrorNamingAListedRepositoryNamesItUnreachableWhileTheClusterStaysHealthy() {
        healthyBaseline();
        router.answer("/package/search", 502, ("{\"type\":\"RepositoryUriConnection\",\"message\":\"Could not access "
                + "data at URI https://universe.mesosphere.com/repo\",\"data\":{\"uri\":\"https://universe.mesosphere.com/repo\"}}")
                .getBytes(StandardCharsets.UTF_8));

        HealthReport report = poll();

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).containsExactly(entry("universe", "repository 'Universe' unreachable: HTTP 502 "
                + "from /package/search (Could not access data at URI https://universe.mesosphere.com/repo)"));
    }

    @Test
    void aCatalogueCosmosCannotListIsNotedUnderUniverseAlone() {
        healthyBaseline();
        router.answer("/package/repository/list", 503, "{}".getBytes(StandardCharsets.UTF_8));

        HealthReport report = poll();

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).containsOnlyKeys("universe");
        assertThat(report.reason().get("universe")).startsWith("cannot read Cosmos' repository list: HTTP 503");
    }

    @Test
    void aMissingVersionIsNoHealthFinding() {
        healthyBaseline();
        router.answer("/system/health/v1", 404, "{}".getBytes(StandardCharsets.UTF_8));
        HealthReport report = poll();
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.coeVersion()).isNull();
    }
}
