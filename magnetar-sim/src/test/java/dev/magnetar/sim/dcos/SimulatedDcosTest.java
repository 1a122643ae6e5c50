package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registered cluster answers DC/OS-shaped bodies consistent with its node counts, and each fault
 * changes exactly what it names.
 */
class SimulatedDcosTest {

    private static SimulatedDcos dcos;
    private static final AdminRouterClient http = new AdminRouterClient(() -> dcos.clientContext());
    private static int clusters;

    @BeforeAll
    static void start() {
        dcos = SimulatedDcos.start();
    }

    @AfterAll
    static void stop() {
        dcos.close();
    }

    /** A fresh healthy cluster: 3 masters, 4 private agents, 1 public agent. */
    private static String register() {
        return dcos.register(DcosClusterSpec.of("c" + (++clusters), 3, 4, 1, "2.2.1"));
    }

    private static String id(String apiAddress) {
        return apiAddress.substring(apiAddress.lastIndexOf('/') + 1);
    }

    private static JsonNode get(String apiAddress, String path) {
        AdminRouterClient.Answer answer = http.get(apiAddress + path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aHealthyClusterReportsEveryNodeItWasRegisteredWith() {
        String api = register();
        JsonNode nodes = get(api, "/system/health/v1/nodes").get("nodes");
        assertThat(nodes).hasSize(8);
        assertThat(nodes.findValuesAsText("role")).containsExactly("master", "master", "master", "agent", "agent",
                "agent", "agent", "agent_public");
        assertThat(nodes.findValuesAsText("host_ip")).startsWith("10.0.0.11", "10.0.0.12", "10.0.0.13", "10.1.0.1")
                .endsWith("10.2.0.1");
        assertThat(nodes.findValues("health")).allMatch(h -> h.asInt() == 0);
    }

    @Test
    void aHealthyClusterHasAnElectedMasterWithAllAgentsAndTheirResources() {
        JsonNode metrics = get(register(), "/mesos/metrics/snapshot");
        assertThat(metrics.get("master/elected").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("master/slaves_active").asDouble()).isEqualTo(5.0);
        assertThat(metrics.get("master/cpus_total").asDouble()).isEqualTo(5 * DcosBodies.AGENT_CPUS);
        assertThat(metrics.get("master/mem_total").asDouble()).isEqualTo(5 * DcosBodies.AGENT_MEM_MB);
        assertThat(metrics.get("master/cpus_used").asDouble()).isPositive()
                .isLessThan(metrics.get("master/cpus_total").asDouble());
        assertThat(metrics.get("registrar/log/ensemble_size").asDouble()).isEqualTo(3.0);
    }

    @Test
    void aHealthyClusterHasHealthyUnitsForEachRoleAMarathonLeaderAndAFullZookeeperEnsemble() {
        String api = register();
        JsonNode units = get(api, "/system/health/v1/units").get("units");
        assertThat(units.findValuesAsText("id")).contains("dcos-mesos-master.service", "dcos-marathon.service",
                "dcos-exhibitor.service", "dcos-mesos-slave.service", "dcos-mesos-slave-public.service");
        assertThat(units.findValues("health")).allMatch(h -> h.asInt() == 0);

        JsonNode marathon = get(api, "/marathon/v2/info");
        assertThat(marathon.get("elected").asBoolean()).isTrue();
        assertThat(marathon.get("leader").asText()).isEqualTo("10.0.0.11:8080");

        JsonNode ensemble = get(api, "/exhibitor/exhibitor/v1/cluster/status");
        assertThat(ensemble).hasSize(3);
        assertThat(ensemble.findValues("code")).allMatch(c -> c.asInt() == 3);
        assertThat(ensemble.findValues("isLeader").stream().filter(JsonNode::asBoolean)).hasSize(1);

        assertThat(get(api, "/system/health/v1").get("dcos_version").asText()).isEqualTo("2.2.1");
    }

    @Test
    void aClusterWithoutPublicAgentsHasNoPublicAgentUnit() {
        String api = dcos.register(DcosClusterSpec.of("private-only", 1, 2, 0, "2.2.1"));
        assertThat(get(api, "/system/health/v1/units").get("units").findValuesAsText("id"))
                .doesNotContain("dcos-mesos-slave-public.service").contains("dcos-mesos-slave.service");
    }

    @Test
    void anUnhealthyNodeIsTheOnlyOneReportedUnhealthy() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withUnhealthyNode("10.1.0.2"));
        JsonNode nodes = get(api, "/system/health/v1/nodes").get("nodes");
        assertThat(nodes).filteredOn(n -> n.get("health").asInt() == 1)
                .extracting(n -> n.get("host_ip").asText()).containsExactly("10.1.0.2");
    }

    @Test
    void anUnhealthyUnitIsReportedClusterWideAndOnTheMaster() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withUnhealthyUnit("dcos-marathon.service"));
        assertThat(get(api, "/system/health/v1/units").get("units")).filteredOn(u -> u.get("health").asInt() == 1)
                .extracting(u -> u.get("id").asText()).containsExactly("dcos-marathon.service");
        assertThat(get(api, "/system/health/v1").get("units")).filteredOn(u -> u.get("health").asInt() == 1)
                .extracting(u -> u.get("id").asText()).containsExactly("dcos-marathon.service");
    }

    @Test
    void withoutAnElectedLeaderAdminRouterReachesAMasterThatKnowsNoAgents() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withNoMesosLeader());
        JsonNode metrics = get(api, "/mesos/metrics/snapshot");
        assertThat(metrics.get("master/elected").asDouble()).isZero();
        assertThat(metrics.get("master/slaves_active").asDouble()).isZero();
    }

    @Test
    void agentsRegisterWithTheAttributesTheyWereInstalledWithUntilAFaultDropsThem() {
        String api = dcos.register(DcosClusterSpec.of("attrs" + (++clusters), 1, 2, 1, "2.2.1")
                .withAgentAttributes(java.util.Map.of("10.1.0.2", "gpu:true;cores:8;ports:[1000-2000]")));
        JsonNode slaves = get(api, "/mesos/master/slaves").get("slaves");
        assertThat(slaves.findValuesAsText("hostname")).containsExactly("10.1.0.1", "10.1.0.2", "10.2.0.1");
        assertThat(slaves.get(0).get("attributes").size()).isZero();
        JsonNode gpu = slaves.get(1).get("attributes");
        assertThat(gpu.get("gpu").isTextual()).isTrue();
        assertThat(gpu.get("gpu").asText()).isEqualTo("true");
        assertThat(gpu.get("cores").isNumber()).isTrue();
        assertThat(gpu.get("cores").asDouble()).isEqualTo(8.0);
        assertThat(gpu.get("ports").asText()).isEqualTo("[1000-2000]");
        assertThat(slaves.get(2).get("attributes").get("public_ip").asText()).isEqualTo("true");

        dcos.setFaults(id(api), DcosFaults.NONE.withAttributesDropped("10.1.0.2"));
        JsonNode dropped = get(api, "/mesos/master/slaves").get("slaves");
        assertThat(dropped.get(1).get("hostname").asText()).isEqualTo("10.1.0.2");
        assertThat(dropped.get(1).get("attributes").size()).isZero();
        assertThat(dropped.get(2).get("attributes").get("public_ip").asText()).isEqualTo("true");
    }

    @Test
    void aMasterThatDoesNotLeadListsNoAgents() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withNoMesosLeader());
        assertThat(get(api, "/mesos/master/slaves").get("slaves")).isEmpty();
    }

    @Test
    void missingAgentsNeitherRegisterWithMesosNorReportToDiagnostics() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withMissingAgents(2));
        assertThat(get(api, "/mesos/metrics/snapshot").get("master/slaves_active").asDouble()).isEqualTo(3.0);
        assertThat(get(api, "/system/health/v1/nodes").get("nodes").findValuesAsText("host_ip"))
                .hasSize(6).doesNotContain("10.1.0.1", "10.1.0.2").contains("10.1.0.3", "10.2.0.1");
    }

    @Test
    void marathonDownIsABadGatewayFromAdminRouter() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withMarathonDown());
        AdminRouterClient.Answer answer = http.get(api + "/marathon/v2/info");
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body()).contains("502 Bad Gateway");
    }

    @Test
    void zookeeperMembersDownStopServingFromTheLastMasterBack() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withZookeeperMembersDown(1));
        JsonNode ensemble = get(api, "/exhibitor/exhibitor/v1/cluster/status");
        assertThat(ensemble.findValues("code")).extracting(JsonNode::asInt).containsExactly(3, 3, 1);
        assertThat(ensemble.get(0).get("isLeader").asBoolean()).isTrue();
    }

    @Test
    void aSlowClusterAnswersAfterItsDelayAndOthersDoNotWait() {
        String slow = register();
        String fast = register();
        Duration delay = Duration.ofSeconds(3);
        dcos.setFaults(id(slow), DcosFaults.NONE.withResponseDelay(delay));
        long started = System.nanoTime();
        CompletableFuture<Integer> slowAnswer = CompletableFuture.supplyAsync(
                () -> http.get(slow + "/system/health/v1/nodes").status(), Executors.newVirtualThreadPerTaskExecutor());

        assertThat(http.get(fast + "/system/health/v1/nodes").status()).isEqualTo(200);
        if (Duration.ofNanos(System.nanoTime() - started).compareTo(delay) < 0) {
            // only meaningful while the delay lasts; a machine too busy to answer within it proves nothing
            assertThat(slowAnswer).as("the slow cluster still waits after the fast one answered").isNotDone();
        }
        assertThat(slowAnswer.join()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void delaysAreBounded() {
        assertThatThrownBy(() -> DcosFaults.NONE.withResponseDelay(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT30S");
    }

    @Test
    void healingAClusterRestoresEveryAnswer() {
        String api = register();
        dcos.setFaults(id(api), DcosFaults.NONE.withNoMesosLeader().withMarathonDown().withMissingAgents(1));
        dcos.setFaults(id(api), DcosFaults.NONE);
        assertThat(get(api, "/mesos/metrics/snapshot").get("master/slaves_active").asDouble()).isEqualTo(5.0);
        assertThat(http.get(api + "/marathon/v2/info").status()).isEqualTo(200);
    }

    @Test
    void faultsOfOneClusterLeaveTheOthersAlone() {
        String broken = register();
        String fine = register();
        dcos.setFaults(id(broken), DcosFaults.NONE.withNoMesosLeader());
        assertThat(get(fine, "/mesos/metrics/snapshot").get("master/elected").asDouble()).isEqualTo(1.0);
    }

    @Test
    void unknownAndUnregisteredClustersAndPathsAreNotFound() {
        String api = register();
        assertThat(http.get(api + "/mesos/master/frameworks").status()).isEqualTo(404);
        dcos.unregister(id(api));
        assertThat(http.get(api + "/system/health/v1/nodes").status()).isEqualTo(404);
        assertThat(dcos.isRegistered(id(api))).isFalse();
        assertThatThrownBy(() -> dcos.setFaults(id(api), DcosFaults.NONE)).hasMessageContaining(id(api));
    }

    @Test
    void tenThousandClustersAreServedSideBySide() {
        List<String> addresses = new ArrayList<>();
        IntStream.range(0, 10_000).forEach(i -> addresses.add(dcos.register(DcosClusterSpec.of("many-" + i, 1,
                i % 7, i % 2, "2.2.1"))));
        assertThat(dcos.registeredClusters()).isGreaterThanOrEqualTo(10_000);
        for (int i : new int[]{0, 4_999, 9_999}) {
            assertThat(get(addresses.get(i), "/mesos/metrics/snapshot").get("master/slaves_active").asDouble())
                    .isEqualTo(i % 7 + i % 2);
        }
    }

    @Test
    void clusterIdsMustBeUrlSafe() {
        assertThatThrownBy(() -> DcosClusterSpec.of("a/b", 1, 1, 0, "2.2.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
