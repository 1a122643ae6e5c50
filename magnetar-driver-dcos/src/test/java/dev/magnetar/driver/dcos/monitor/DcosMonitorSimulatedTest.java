package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.DcosFaults;
import dev.magnetar.sim.dcos.SimulatedDcos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Each health outcome, read from simulated DC/OS clusters of 3 masters, 4 private and 1 public
 * agent: healthy, each fault named in the reason, and UNKNOWN only when the cluster cannot be reached.
 */
class DcosMonitorSimulatedTest {

    private static final MonitorContext CONTEXT = new MonitorContext(Duration.ofSeconds(4), Map.of());
    private static SimulatedDcos dcos;
    private static final DcosMonitor monitor = new DcosMonitor();
    private static int clusters;

    @BeforeAll
    static void start() {
        dcos = SimulatedDcos.start();
    }

    @AfterAll
    static void stop() {
        dcos.close();
    }

    private record Simulated(String id, Cluster cluster) {
    }

    private static Simulated simulated(DcosFaults faults) {
        String id = "sim-" + (++clusters);
        String api = dcos.register(DcosClusterSpec.of(id, 3, 4, 1, "2.2.1"));
        dcos.setFaults(id, faults);
        return new Simulated(id, MonitoredClusters.cluster(api, 3, 4, 1, false));
    }

    private static HealthReport poll(Simulated simulated) {
        return poll(simulated.cluster(), CONTEXT);
    }

    private static HealthReport poll(Cluster cluster, MonitorContext context) {
        return monitor.poll(MonitoredClusters.TEMPLATE, cluster, context);
    }

    @Test
    void aWorkingClusterIsHealthyWithItsVersionAndUtilisation() {
        HealthReport report = poll(simulated(DcosFaults.NONE));
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).isEmpty();
        assertThat(report.coeVersion()).isEqualTo("2.2.1");
        assertThat(report.metrics()).containsOnlyKeys("cpu_used", "cpu_total", "mem_used_mb", "mem_total_mb",
                "disk_used_mb", "disk_total_mb", "agents_active", "agents_expected");
        assertThat(report.metrics()).contains(entry("agents_active", 5.0), entry("agents_expected", 5.0),
                entry("cpu_total", 20.0), entry("mem_total_mb", 5 * 14_861.0), entry("disk_total_mb", 5 * 40_960.0));
        assertThat(report.metrics().get("cpu_used")).isPositive().isLessThan(20.0);
    }

    @Test
    void anUnhealthyNodeIsNamed() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withUnhealthyNode("10.1.0.2")));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("node/10.1.0.2",
                "agent unhealthy in dcos-diagnostics (health 1)"));
    }

    @Test
    void anUnhealthyUnitIsNamed() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withUnhealthyUnit("dcos-marathon.service")));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("unit/dcos-marathon.service",
                "Marathon unhealthy on at least one node (health 1)"));
    }

    @Test
    void noElectedMesosLeaderIsUnhealthyWithoutUtilisationFromANonLeader() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withNoMesosLeader()));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("mesos_master",
                "no elected leading master (master/elected is 0.0)"));
        assertThat(report.metrics()).containsOnlyKeys("agents_expected");
    }

    @Test
    void missingAgentsAreCountedByMesosAndByDiagnostics() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withMissingAgents(2)));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsOnly(entry("mesos_agents", "3 of 5 agents active"),
                entry("nodes", "6 of 8 nodes report to dcos-diagnostics"));
        assertThat(report.metrics()).contains(entry("agents_active", 3.0), entry("agents_expected", 5.0),
                entry("cpu_total", 12.0));
    }

    /**
     * 3 masters, 4 default agents, 1 public agent and a pool "gpu" of two private agents (10.1.0.5, 10.1.0.6)
     * asking for {@code gpu:true;cores:8}; the simulated agents carry {@code registered} attributes.
     */
    private static Simulated withGpuPool(Map<String, String> registered, DcosFaults faults) {
        String id = "sim-" + (++clusters);
        DcosClusterSpec spec = DcosClusterSpec.of(id, 3, 6, 1, "2.2.1").withAgentAttributes(registered);
        String api = dcos.register(spec);
        dcos.setFaults(id, faults);
        Cluster plain = MonitoredClusters.cluster(api, 3, 4, 1, false);
        NodeGroup gpu = new NodeGroup("0f3a1c2e-5d6b-4e7f-8a9b-0c1d2e3f4a5b", "gpu", "agent", 2, 0, null, "g1.large",
                null, null, Map.of("dcos_mesos_attributes", "gpu:true;cores:8"), true, false, null, null);
        Cluster cluster = plain.toBuilder().nodeGroups(List.of(gpu))
                .nodeGroupStates(Map.of(gpu.uuid(), new NodeGroupState(ClusterStatus.UPDATE_COMPLETE, null,
                        List.of("10.1.0.5", "10.1.0.6")))).build();
        return new Simulated(id, cluster);
    }

    @Test
    void aPoolsAgentsCarryingTheAttributesAskedForAreHealthy() {
        HealthReport report = poll(withGpuPool(Map.of("10.1.0.5", "gpu:true;cores:8",
                "10.1.0.6", "cores:8;gpu:true;rack:r2"), DcosFaults.NONE));
        assertThat(report.status()).as(report.reason().toString()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).isEmpty();
        assertThat(report.metrics()).contains(entry("agents_expected", 7.0));
    }

    @Test
    void aPoolAgentWithoutItsAttributesIsNamedUnderThePool() {
        Map<String, String> installed = Map.of("10.1.0.5", "gpu:true;cores:8", "10.1.0.6", "gpu:true;cores:8");
        HealthReport report = poll(withGpuPool(installed, DcosFaults.NONE.withAttributesDropped("10.1.0.6")));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("pool/gpu",
                "agent 10.1.0.6 lacks attribute gpu:true; agent 10.1.0.6 lacks attribute cores:8"));
    }

    @Test
    void aPoolAgentWithADifferentValueIsNamed() {
        HealthReport report = poll(withGpuPool(Map.of("10.1.0.5", "gpu:false;cores:8", "10.1.0.6", "gpu:true;cores:8"),
                DcosFaults.NONE));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("pool/gpu",
                "agent 10.1.0.5 has attribute gpu:false, not gpu:true"));
    }

    @Test
    void marathonDownIsNamedWithAdminRoutersAnswer() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withMarathonDown()));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("marathon", "HTTP 502 from /marathon/v2/info"));
    }

    @Test
    void aZookeeperMemberNotServingIsNamed() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withZookeeperMembersDown(1)));
        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(entry("exhibitor",
                "2 of 3 ZooKeeper members serving: 10.0.0.13 down (code 1)"));
    }

    @Test
    void severalFaultsAreEachNamed() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withUnhealthyNode("10.0.0.12")
                .withUnhealthyUnit("dcos-exhibitor.service").withMarathonDown()));
        assertThat(report.reason()).containsOnlyKeys("node/10.0.0.12", "unit/dcos-exhibitor.service", "marathon");
    }

    @Test
    void aClusterWithFewerAgentsThanAskedForIsUnhealthy() {
        String api = dcos.register(DcosClusterSpec.of("smaller-than-asked", 1, 2, 0, "2.2.1"));
        HealthReport report = poll(MonitoredClusters.cluster(api, 1, 3, 0, false), CONTEXT);
        assertThat(report.reason()).containsOnly(entry("mesos_agents", "2 of 3 agents active"),
                entry("nodes", "3 of 4 nodes report to dcos-diagnostics"));
    }

    @Test
    void aSlowClusterWithinTheTimeoutIsStillJudgedOnItsAnswers() {
        HealthReport report = poll(simulated(DcosFaults.NONE.withResponseDelay(Duration.ofMillis(150))));
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aClusterThatAnswersNothingWithinTheTimeoutIsUnknownAndThePollIsBounded() {
        Simulated slow = simulated(DcosFaults.NONE.withResponseDelay(Duration.ofSeconds(5)));
        long started = System.nanoTime();
        HealthReport report = poll(slow.cluster(), new MonitorContext(Duration.ofMillis(300), Map.of()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the poll did not wait for the late answer")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason()).containsExactly(entry("cluster", "cannot reach Admin Router at "
                + slow.cluster().observed().apiAddress() + ": no answer within 300 ms"));
    }

    @Test
    void aRefusedConnectionIsUnknown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String api = "http://127.0.0.1:" + closedPort;
        HealthReport report = poll(MonitoredClusters.cluster(api, 1, 1, 0, false), CONTEXT);
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason()).containsExactly(entry("cluster", "cannot reach Admin Router at " + api
                + ": connection refused"));
        assertThat(report.metrics()).isEmpty();
    }

    @Test
    void aClusterWithoutAUsableApiAddressIsUnknown() {
        Cluster none = MonitoredClusters.cluster("http://placeholder", 1, 1, 0, false).toBuilder().apiAddress(null)
                .build();
        assertThat(poll(none, CONTEXT).reason()).containsExactly(entry("cluster", "cluster has no api_address"));
        Cluster ftp = none.toBuilder().apiAddress("ftp://10.0.0.5").build();
        assertThat(poll(ftp, CONTEXT).status()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void aHealedClusterIsHealthyAgain() {
        Simulated simulated = simulated(DcosFaults.NONE.withNoMesosLeader());
        assertThat(poll(simulated).status()).isEqualTo(HealthStatus.UNHEALTHY);
        dcos.setFaults(simulated.id(), DcosFaults.NONE);
        assertThat(poll(simulated).status()).isEqualTo(HealthStatus.HEALTHY);
    }
}
