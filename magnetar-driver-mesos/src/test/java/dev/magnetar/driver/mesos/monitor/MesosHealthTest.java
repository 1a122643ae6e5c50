package dev.magnetar.driver.mesos.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.HealthStatus;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How one poll's answers are judged, rule by rule, on the recorded bodies and edited copies of them. */
class MesosHealthTest {

    private final Map<String, Reply> masters = new LinkedHashMap<>();
    private ObjectNode state = Fixtures.state();
    private Reply marathon = json("marathon", Fixtures.marathonInfo());

    MesosHealthTest() {
        masters.put("10.0.0.11", json("m1", Fixtures.leaderSnapshot()));
        masters.put("10.0.0.12", json("m2", Fixtures.standbySnapshot()));
        masters.put("10.0.0.13", json("m3", Fixtures.standbySnapshot()));
    }

    private HealthReport report(int expectedAgents) {
        return new MesosHealth(masters, Optional.of(json("state", state)), marathon, expectedAgents).report();
    }

    @Test
    void theRecordedClusterIsHealthyWithItsUtilisationAndVersion() {
        HealthReport report = report(3);

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.reason()).isEmpty();
        assertThat(report.coeVersion()).isEqualTo("1.11.0");
        assertThat(report.metrics()).containsEntry("cpu_total", 12.0).containsEntry("cpu_used", 1.5)
                .containsEntry("mem_total_mb", 44583.0).containsEntry("mem_used_mb", 2048.0)
                .containsEntry("agents_active", 3.0).containsEntry("agents_expected", 3.0);
    }

    @Test
    void namesAMasterThatDoesNotAnswer() {
        masters.put("10.0.0.13", new Reply.Unreachable("http://10.0.0.13:5050/metrics/snapshot", "connection refused"));

        HealthReport report = report(3);

        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsExactly(Map.entry("master 10.0.0.13",
                "unreachable at http://10.0.0.13:5050/metrics/snapshot: connection refused"));
    }

    @Test
    void answeringMastersWithoutALeaderAreUnhealthy() {
        masters.put("10.0.0.11", json("m1", Fixtures.standbySnapshot()));

        HealthReport report = new MesosHealth(masters, Optional.empty(), marathon, 3).report();

        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsEntry("mesos_master", "no elected leading master among the 3 masters");
        assertThat(report.coeVersion()).isNull();
    }

    @Test
    void countsActiveAgentsAgainstNodeCount() {
        assertThat(report(4).reason()).containsExactly(Map.entry("mesos_agents", "3 of 4 agents active"));
        assertThat(report(2).reason()).containsExactly(Map.entry("mesos_agents", "3 agents active where 2 are expected"));
    }

    @Test
    void namesAnAgentThatIsRegisteredButInactive() {
        ((ObjectNode) ((ArrayNode) state.get("slaves")).get(1)).put("active", false);

        assertThat(report(3).reason()).containsExactly(Map.entry("agent 10.0.0.22", "registered but inactive"));
    }

    @Test
    void aReplicatedLogThatHasNotRecoveredIsAFinding() {
        ((ObjectNode) ((Reply.Json) masters.get("10.0.0.11")).body()).put("registrar/log/recovered", 0.0);

        assertThat(report(3).reason()).containsOnlyKeys("mesos_registrar");
    }

    @Test
    void marathonMustHaveAnElectedLeader() {
        ObjectNode info = Fixtures.marathonInfo();
        info.put("elected", false);
        marathon = json("marathon", info);
        assertThat(report(3).reason()).containsExactly(Map.entry("marathon", "no elected leader"));

        marathon = new Reply.Bad("http://203.0.113.5:8080/v2/info", "HTTP 503");
        assertThat(report(3).reason()).containsExactly(Map.entry("marathon", "HTTP 503 from http://203.0.113.5:8080/v2/info"));
    }

    @Test
    void isUnknownOnlyWhenNothingAnswers() {
        masters.replaceAll((address, reply) -> new Reply.Unreachable(address, "no answer in time"));
        marathon = new Reply.Unreachable("marathon", "no answer in time");

        HealthReport report = new MesosHealth(masters, Optional.empty(), marathon, 3).report();

        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason().get("cluster")).isEqualTo(
                "cannot reach any Mesos master (10.0.0.11, 10.0.0.12, 10.0.0.13) nor Marathon: no answer in time");
    }

    private static Reply json(String where, ObjectNode body) {
        return new Reply.Json(where, body);
    }
}
