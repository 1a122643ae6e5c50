package dev.magnetar.sim;

import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static dev.magnetar.sim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A restarted simulator finds the stacks an earlier one made, mid-flight and settled. */
class PersistenceTest {

    private static final String TEMPLATE = HEADER + """
            parameters:
              count: {type: number, default: 2}
            resources:
              nodes:
                type: OS::Heat::ResourceGroup
                properties:
                  count: {get_param: count}
                  resource_def: {type: OS::Nova::Server}
            outputs:
              addresses: {value: {get_attr: [nodes, first_address]}}
            """;

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.atEpochDay();

    private SimulatedOrchestrator start() {
        return new SimulatedOrchestrator(clock, DurationProfile.realistic(), new Faults(clock), directory);
    }

    @Test
    void aRestartedSimulatorFindsAStackStillBeingCreatedAndItFinishesOnTime() {
        String id = start().create(request("p", spec(TEMPLATE)));
        SimulatedOrchestrator restarted = start();
        assertThat(restarted.find("p", StackCredential.NONE).orElseThrow().status()).hasToString("CREATE_IN_PROGRESS");
        assertThatThrownBy(() -> restarted.create(request("p", spec(TEMPLATE))))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.CONFLICT));
        clock.advanceSeconds(4);
        Stack stack = start().find("p", StackCredential.NONE).orElseThrow();
        assertThat(stack.id()).isEqualTo(id);
        assertThat(stack.status()).hasToString("CREATE_COMPLETE");
        assertThat(stack.outputs()).containsEntry("addresses", List.of("10.0.0.3", "10.0.0.4"));
    }

    @Test
    void updatesAreKeptWithTheirAddressesAndDeletedStacksLeaveNoFile() throws Exception {
        String id = start().create(request("p", spec(TEMPLATE)));
        clock.advanceSeconds(10);
        start().update("p", id, new StackUpdate(Map.of("count", 3), true, 0), StackCredential.NONE);
        clock.advanceSeconds(10);
        SimulatedOrchestrator restarted = start();
        assertThat(restarted.find("p", StackCredential.NONE).orElseThrow().outputs())
                .containsEntry("addresses", List.of("10.0.0.3", "10.0.0.4", "10.0.0.5"));

        restarted.delete("p", id, StackCredential.NONE);
        clock.advanceSeconds(10);
        assertThat(start().find("p", StackCredential.NONE)).isEmpty();
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
