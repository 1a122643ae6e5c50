package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOutputsTest {

    @Test
    void readsListsAndStringsDroppingEmptyValues() {
        assertThat(StackOutputs.strings(Arrays.asList("10.0.0.3", null, "", "10.0.0.4")))
                .containsExactly("10.0.0.3", "10.0.0.4");
        assertThat(StackOutputs.strings("10.0.0.3")).containsExactly("10.0.0.3");
        assertThat(StackOutputs.strings("")).isEmpty();
        assertThat(StackOutputs.text("")).isNull();
    }

    @Test
    void takesTheFirstNonEmptyDatumOfAWaitCondition() {
        assertThat(StackOutputs.signalData("{\"1\": \"\", \"2\": \"1.11.0\"}")).isEqualTo("1.11.0");
        assertThat(StackOutputs.signalData("{\"1\": \"\"}")).isNull();
        assertThat(StackOutputs.signalData("1.11.0")).isEqualTo("1.11.0");
        assertThat(StackOutputs.signalData("{not json")).isEqualTo("{not json");
    }

    @Test
    void firstSignalDataLooksThroughAListOfConditions() {
        assertThat(StackOutputs.firstSignalData(List.of("{\"a\": \"\"}", "{\"b\": \"19.03\"}"))).isEqualTo("19.03");
        assertThat(StackOutputs.firstSignalData(List.of())).isNull();
    }

    @Test
    void resolvesAgentsByMemberNameOrEitherAddress() {
        Stack stack = new Stack("id", "name", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE), "", Map.of("agent_members",
                List.of("agent-0=10.0.0.5=172.24.4.5", "agent-1=10.0.0.6=172.24.4.6", "broken")), Map.of());
        AgentMembers members = AgentMembers.of(stack);

        assertThat(members.memberNames(List.of("agent-0", "10.0.0.6", "172.24.4.5"), "an agent"))
                .isEqualTo("agent-0,agent-1,agent-0");
        assertThatThrownBy(() -> members.memberNames(List.of("10.9.9.9"), "a private agent"))
                .isInstanceOf(MagnetarException.class)
                .hasMessage("nodes_to_remove: '10.9.9.9' is not a private agent of this cluster; give an agent's "
                        + "address or member name (10.0.0.5, 172.24.4.5, 10.0.0.6, 172.24.4.6)");
    }

    @Test
    void shipsTheSameTemplatesForEveryClusterWithItsParameters() {
        HeatTemplates templates = new HeatTemplates(new DriverResources(StackOutputsTest.class,
                "/dev/magnetar/driver/kit/toy"), "templates", "toy.yaml", List.of("fragments/common.sh"));

        var spec = templates.spec(Map.of("number_of_agents", 2));

        assertThat(spec.template()).startsWith("heat_template_version");
        assertThat(spec.environment()).isEqualTo("resource_registry: {}\n");
        assertThat(spec.files()).containsExactly(Map.entry("fragments/common.sh", "log() { :; }\n"));
        assertThat(spec.parameters()).containsEntry("number_of_agents", 2);
        assertThatThrownBy(() -> new DriverResources(StackOutputsTest.class, "/nowhere").read("x.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x.yaml");
    }

    @Test
    void theSharedScriptBaseStartsWithTheKitsNodeHelpersThenTheDriversOwnFile() {
        HeatTemplates templates = new HeatTemplates(new DriverResources(StackOutputsTest.class,
                "/dev/magnetar/driver/kit/toy"), "templates", "toy.yaml", List.of(HeatTemplates.SCRIPT_BASE))
                .withSharedScriptBase();

        String common = templates.files().get("fragments/common.sh");

        assertThat(common).startsWith("#!/usr/bin/env bash\n").contains("\nsignal() {\n", "\nstep() {\n",
                "trap on_error ERR", "${NODE_KIND} node failed while ${STEP}").endsWith("}\n\nlog() { :; }\n");
    }

    @Test
    void base64KeepsUtf8Bytes() {
        assertThat(StackParameters.base64("é'$")).isEqualTo("w6knJA==");
    }

    @org.junit.jupiter.api.Test
    void a_version_is_taken_only_when_it_looks_like_one() {
        assertThat(StackOutputs.version("{\"1\": \"2.2.0\"}")).isEqualTo("2.2.0");
        assertThat(StackOutputs.version(java.util.List.of("{\"1\": \"\"}", "19.03.15"))).isEqualTo("19.03.15");
        assertThat(StackOutputs.version("1.11.0-rc1")).isEqualTo("1.11.0-rc1");
        assertThat(StackOutputs.version("{\"1\": \"simulated signal 1\"}")).isNull();
        assertThat(StackOutputs.version("curl: (7) Failed to connect")).isNull();
        assertThat(StackOutputs.version(null)).isNull();
    }
}
