package dev.magnetar.sim;

import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.sim.hot.HotLinter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.magnetar.sim.Specs.request;
import static dev.magnetar.sim.Specs.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The whole interpreter on a template set shaped like a driver's: network, router, security
 * groups, a master with a floating IP, and a ResourceGroup of a nested agent template (through the
 * environment's resource_registry) that waits for each agent's signal.
 */
class RealisticClusterTemplateTest {

    private final MutableClock clock = MutableClock.atEpochDay();
    private final SimulatedOrchestrator heat = new SimulatedOrchestrator(clock, DurationProfile.realistic(),
            new Faults(clock), null);

    private static StackSpec cluster(Map<String, Object> parameters) {
        return new StackSpec(resource("/templates/cluster.yaml"), Map.of(
                "agent.yaml", resource("/templates/agent.yaml"),
                "fragments/configure-master.sh", resource("/templates/fragments/configure-master.sh"),
                "fragments/join-agent.sh", resource("/templates/fragments/join-agent.sh")),
                resource("/templates/env.yaml"), parameters);
    }

    private Stack stack() {
        return heat.find("cluster", StackCredential.NONE).orElseThrow();
    }

    @Test
    void theTemplateSetLintsClean() {
        assertThat(new HotLinter().lint(cluster(Map.of()))).isEmpty();
    }

    @Test
    void createsTheClusterThroughRealStatusesAndReportsItsAddresses() {
        String id = heat.create(request("cluster", cluster(Map.of("cluster_name", "prod"))));
        clock.advanceSeconds(8);
        assertThat(stack().status()).hasToString("CREATE_IN_PROGRESS");
        assertThat(heat.resources("cluster", id, 2, StackCredential.NONE))
                .extracting(StackResource::path, StackResource::type, r -> r.status().text())
                .contains(tuple("master", "OS::Nova::Server", "CREATE_COMPLETE"),
                        tuple("agents", "OS::Heat::ResourceGroup", "CREATE_IN_PROGRESS"),
                        tuple("agents/0", "Magnetar::Agent", "CREATE_IN_PROGRESS"),
                        tuple("agents/0/agent", "OS::Nova::Server", "CREATE_COMPLETE"),
                        tuple("agents/0/agent_wait", "OS::Heat::WaitCondition", "CREATE_IN_PROGRESS"));
        assertThat(heat.resources("cluster", id, 0, StackCredential.NONE)).extracting(StackResource::path)
                .doesNotContain("agents/0");

        clock.advanceSeconds(5);
        Stack done = stack();
        assertThat(done.status()).hasToString("CREATE_COMPLETE");
        assertThat(done.outputs()).containsEntry("api_address", "172.24.4.10")
                .containsEntry("master_private_address", "10.0.0.3")
                .containsEntry("agent_addresses", List.of("10.0.0.4", "10.0.0.5"))
                .containsEntry("agent_floating_addresses", List.of("172.24.4.11", "172.24.4.12"))
                .containsEntry("first_agent_signal", "{\"1\": \"simulated signal 1\"}");
        assertThat(done.parameters()).containsEntry("admin_password", "******").containsEntry("number_of_agents", "2");
    }

    @Test
    void scalingTheAgentsKeepsEveryoneElsesAddresses() {
        String id = heat.create(request("cluster", cluster(Map.of())));
        clock.advanceSeconds(20);
        heat.update("cluster", id, new StackUpdate(Map.of("number_of_agents", 3), true, 0), StackCredential.NONE);
        assertThat(stack().status()).hasToString("UPDATE_IN_PROGRESS");
        clock.advanceSeconds(20);
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().outputs()).containsEntry("agent_addresses", List.of("10.0.0.4", "10.0.0.5", "10.0.0.6"))
                .containsEntry("api_address", "172.24.4.10");

        heat.update("cluster", id, new StackUpdate(Map.of("number_of_agents", 2, "agents_to_remove", "0"), true, 0),
                StackCredential.NONE);
        clock.advanceSeconds(20);
        assertThat(stack().outputs()).containsEntry("agent_addresses", List.of("10.0.0.5", "10.0.0.6"));
        assertThat(heat.resources("cluster", id, 1, StackCredential.NONE)).extracting(StackResource::path)
                .contains("agents/1", "agents/2").doesNotContain("agents/0");
    }

    @Test
    void anAgentThatNeverSignalsFailsTheStackWithItsPath() {
        heat.faults().add(Fault.FailResource.on("agents/1/agent_wait", Fault.Action.CREATE,
                "WaitConditionFailure: resources.agent_wait: agent did not join"));
        String id = heat.create(request("cluster", cluster(Map.of())));
        clock.advanceSeconds(20);
        assertThat(stack().status()).hasToString("CREATE_FAILED");
        assertThat(stack().statusReason()).isEqualTo(
                "Resource CREATE failed: WaitConditionFailure: resources.agent_wait: agent did not join");
        assertThat(heat.resources("cluster", id, 2, StackCredential.NONE))
                .filteredOn(StackResource::isFailed).extracting(StackResource::path)
                .containsExactlyInAnyOrder("agents", "agents/1", "agents/1/agent_wait");
    }

    @Test
    void withoutFloatingIpsTheApiAddressIsTheMastersPrivateOne() {
        heat.create(request("cluster", cluster(Map.of("enable_floating_ips", false))));
        clock.advanceSeconds(20);
        assertThat(stack().outputs()).containsEntry("api_address", "10.0.0.3")
                .containsEntry("agent_floating_addresses", java.util.Arrays.asList(null, null));
    }
}
