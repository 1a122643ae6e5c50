package dev.magnetar.sim;

import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static dev.magnetar.sim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Stack statuses over simulated time: create, update, delete, timeouts and rollback. */
class LifecycleTest {

    /** A port (0.2 s), then a server on it (3 s), then a wait condition (5 s): 8.2 s in all. */
    private static final String TEMPLATE = HEADER + """
            parameters:
              flavor: {type: string, default: m1.small}
            resources:
              port: {type: OS::Neutron::Port}
              server:
                type: OS::Nova::Server
                properties:
                  flavor: {get_param: flavor}
                  networks: [{port: {get_resource: port}}]
              handle: {type: OS::Heat::WaitConditionHandle}
              wait:
                type: OS::Heat::WaitCondition
                depends_on: server
                properties: {handle: {get_resource: handle}, count: 2}
            outputs:
              address: {value: {get_attr: [server, first_address]}}
              port_address: {value: {get_attr: [port, fixed_ips, 0, ip_address]}}
              signals: {value: {get_attr: [wait, data]}}
            """;

    private final MutableClock clock = MutableClock.atEpochDay();
    private final SimulatedOrchestrator heat = new SimulatedOrchestrator(clock, DurationProfile.realistic(),
            new Faults(clock), null);

    private Stack stack() {
        return heat.find("life", StackCredential.NONE).orElseThrow();
    }

    private String statusOf(String path) {
        return heat.resources("life", null, 5, StackCredential.NONE).stream().filter(r -> r.path().equals(path))
                .findFirst().map(r -> r.status().text()).orElse("absent");
    }

    @Test
    void createMovesResourcesInDependencyOrderAndShowsOutputsOnceComplete() {
        heat.create(request("life", spec(TEMPLATE)));
        assertThat(stack().status()).hasToString("CREATE_IN_PROGRESS");
        assertThat(stack().outputs()).isEmpty();
        assertThat(statusOf("port")).isEqualTo("CREATE_IN_PROGRESS");
        assertThat(statusOf("server")).isEqualTo("INIT_COMPLETE");

        clock.advanceSeconds(1);
        assertThat(statusOf("port")).isEqualTo("CREATE_COMPLETE");
        assertThat(statusOf("server")).isEqualTo("CREATE_IN_PROGRESS");

        clock.advanceSeconds(3);
        assertThat(statusOf("wait")).isEqualTo("CREATE_IN_PROGRESS");
        assertThat(stack().status()).hasToString("CREATE_IN_PROGRESS");

        clock.advanceSeconds(5);
        Stack done = stack();
        assertThat(done.status()).hasToString("CREATE_COMPLETE");
        assertThat(done.statusReason()).isEqualTo("Stack CREATE completed successfully");
        assertThat(done.outputs()).containsEntry("address", "10.0.0.3").containsEntry("port_address", "10.0.0.3")
                .containsEntry("signals", "{\"1\": \"simulated signal 1\", \"2\": \"simulated signal 2\"}");
    }

    @Test
    void aCreateStillRunningPastTheTimeoutFails() {
        heat.faults().add(new Fault.StallResource("wait", Fault.Action.CREATE));
        heat.create(request("life", spec(TEMPLATE), 1, true));
        clock.advance(Duration.ofSeconds(59));
        assertThat(stack().status()).hasToString("CREATE_IN_PROGRESS");
        clock.advance(Duration.ofSeconds(1));
        assertThat(stack().status()).hasToString("CREATE_FAILED");
        assertThat(stack().statusReason()).isEqualTo("Create timed out");
        assertThat(heat.resources("life", null, 0, StackCredential.NONE))
                .extracting(StackResource::path, r -> r.status().text(), StackResource::statusReason)
                .contains(tuple("wait", "CREATE_FAILED", "CREATE aborted: Create timed out"),
                        tuple("server", "CREATE_COMPLETE", "state changed"));
    }

    @Test
    void aWaitConditionWithATimeoutShorterThanItsNodesFails() {
        heat.create(request("life", spec(HEADER + """
                resources:
                  handle: {type: OS::Heat::WaitConditionHandle}
                  wait: {type: OS::Heat::WaitCondition, properties: {handle: {get_resource: handle}, timeout: 2}}
                """)));
        clock.advanceSeconds(3);
        assertThat(stack().status()).hasToString("CREATE_FAILED");
        assertThat(stack().statusReason()).isEqualTo("Resource CREATE failed: WaitConditionTimeout: resources.wait: 0 of 1 received");
    }

    @Test
    void withRollbackEnabledAFailedCreateRollsBackAndLeavesNoResources() {
        heat.faults().add(Fault.FailResource.on("server", Fault.Action.CREATE, "No valid host was found"));
        heat.create(request("life", spec(TEMPLATE), 60, false));
        clock.advanceSeconds(3.3);
        assertThat(stack().status()).hasToString("ROLLBACK_IN_PROGRESS");
        assertThat(stack().statusReason()).isEqualTo("Resource CREATE failed: No valid host was found");
        clock.advanceSeconds(2);
        assertThat(stack().status()).hasToString("ROLLBACK_COMPLETE");
        assertThat(heat.resources("life", null, 0, StackCredential.NONE)).isEmpty();
    }

    @Test
    void withRollbackDisabledAFailedCreateStaysFailedAndDependentsNeverStart() {
        heat.faults().add(Fault.FailResource.on("server", Fault.Action.CREATE, "No valid host was found"));
        heat.create(request("life", spec(TEMPLATE), 60, true));
        clock.advanceSeconds(60);
        assertThat(stack().status()).hasToString("CREATE_FAILED");
        assertThat(statusOf("server")).isEqualTo("CREATE_FAILED");
        assertThat(statusOf("wait")).isEqualTo("INIT_COMPLETE");
    }

    @Test
    void anUpdateChangesOnlyResourcesWhosePropertiesChanged() {
        heat.create(request("life", spec(TEMPLATE)));
        clock.advanceSeconds(10);
        heat.update("life", stack().id(), new StackUpdate(Map.of("flavor", "m1.large"), true, 0), StackCredential.NONE);
        assertThat(stack().status()).hasToString("UPDATE_IN_PROGRESS");
        assertThat(stack().parameters()).containsEntry("flavor", "m1.large");
        assertThat(statusOf("server")).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(statusOf("port")).isEqualTo("CREATE_COMPLETE");
        clock.advanceSeconds(3);
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().outputs()).containsEntry("address", "10.0.0.3");
    }

    @Test
    void updatingAStackInProgressIsAConflict() {
        String id = heat.create(request("life", spec(TEMPLATE)));
        assertThatThrownBy(() -> heat.update("life", id, new StackUpdate(Map.of(), true, 0), StackCredential.NONE))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.CONFLICT));
    }

    @Test
    void aFailedUpdateWithRollbackReturnsToThePreviousParametersAndOutputs() {
        heat.create(request("life", spec(TEMPLATE)));
        clock.advanceSeconds(10);
        heat.faults().add(Fault.FailResource.on("server", Fault.Action.UPDATE, "resize refused"));
        heat.update("life", stack().id(), new StackUpdate(Map.of("flavor", "m1.large"), false, 0), StackCredential.NONE);
        clock.advanceSeconds(3);
        assertThat(stack().status()).hasToString("ROLLBACK_IN_PROGRESS");
        clock.advanceSeconds(5);
        assertThat(stack().status()).hasToString("ROLLBACK_COMPLETE");
        assertThat(stack().parameters()).containsEntry("flavor", "m1.small");
        assertThat(stack().outputs()).containsEntry("address", "10.0.0.3");
    }

    @Test
    void deleteTakesTimeThenTheStackIsGoneAndDeletingAgainIsFine() {
        String id = heat.create(request("life", spec(TEMPLATE)));
        clock.advanceSeconds(10);
        heat.delete("life", id, StackCredential.NONE);
        assertThat(stack().status()).hasToString("DELETE_IN_PROGRESS");
        assertThat(statusOf("server")).isEqualTo("DELETE_IN_PROGRESS");
        clock.advanceSeconds(5);
        assertThat(heat.find("life", StackCredential.NONE)).isEmpty();
        heat.delete("life", id, StackCredential.NONE);
        assertThatThrownBy(() -> heat.resources("life", id, 0, StackCredential.NONE))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.NOT_FOUND));
    }

    @Test
    void creatingANameThatExistsIsAConflictAndAfterDeletionTheNameIsFree() {
        String id = heat.create(request("life", spec(TEMPLATE)));
        assertThatThrownBy(() -> heat.create(request("life", spec(TEMPLATE))))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.CONFLICT));
        heat.delete("life", id, StackCredential.NONE);
        clock.advanceSeconds(5);
        assertThat(heat.create(request("life", spec(TEMPLATE)))).isNotEqualTo(id);
    }

    @Test
    void describesItselfAsSimulated() {
        assertThat(heat.describe()).contains("SIMULATED");
        assertThat(SimulatedCatalogue.defaults().describe()).contains("SIMULATED");
    }
}
