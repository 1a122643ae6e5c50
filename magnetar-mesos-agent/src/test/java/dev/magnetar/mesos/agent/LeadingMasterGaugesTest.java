package dev.magnetar.mesos.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LeadingMasterGaugesTest {

    private final Map<String, String> failures = new TreeMap<>();
    private final Map<String, Double> metrics = new TreeMap<>();

    private void read(String snapshot, int expectedAgents) throws Exception {
        JsonNode json = new ObjectMapper().readTree(snapshot);
        LeadingMasterGauges.read(json, expectedAgents, failures::put, metrics::put);
    }

    @Test
    void aRecoveredLeaderWithEveryAgentActiveFailsNothingAndGivesItsGauges() throws Exception {
        read("{\"registrar/log/recovered\": 1.0, \"master/slaves_active\": 3.0, \"master/cpus_used\": 1.5,"
                + " \"master/cpus_total\": 12.0, \"master/mem_total\": 3000.0}", 3);

        assertThat(failures).isEmpty();
        assertThat(metrics).containsExactlyInAnyOrderEntriesOf(Map.of("agents_active", 3.0, "cpu_used", 1.5,
                "cpu_total", 12.0, "mem_total_mb", 3000.0));
    }

    @Test
    void namesAnUnrecoveredLogAndMissingAgents() throws Exception {
        read("{\"registrar/log/recovered\": 0.0, \"master/slaves_active\": 1.0}", 3);

        assertThat(failures).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mesos_registrar", "replicated log not recovered (registrar/log/recovered is 0.0)",
                "mesos_agents", "1 of 3 agents active"));
    }

    @Test
    void moreAgentsThanAskedForIsAFailureToo() throws Exception {
        read("{\"master/slaves_active\": 4.0}", 3);

        assertThat(failures).containsExactly(Map.entry("mesos_agents", "4 agents active where 3 are expected"));
    }

    @Test
    void aSnapshotWithoutTheAgentGaugeSaysSo() throws Exception {
        read("{\"master/cpus_used\": \"busy\"}", 1);

        assertThat(failures).containsExactly(Map.entry("mesos_agents",
                "metrics snapshot has no master/slaves_active gauge"));
        assertThat(metrics).isEmpty();
    }
}
