package dev.magnetar.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static dev.magnetar.sim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Injected faults: failing resources, an unavailable API, latency; and their JSON form. */
class FaultsTest {

    private static final String GROUP = HEADER + """
            resources:
              nodes:
                type: OS::Heat::ResourceGroup
                properties:
                  count: 3
                  resource_def: {type: OS::Nova::Server}
            """;

    private final MutableClock clock = MutableClock.atEpochDay();
    private final List<Duration> slept = new ArrayList<>();
    private final Faults faults = new Faults(clock, slept::add);
    private final SimulatedOrchestrator heat = new SimulatedOrchestrator(clock, DurationProfile.fast(), faults, null);

    @Test
    void aNamePatternFailsEveryMatchingResourceAndOnlyForItsAction() {
        faults.add(Fault.FailResource.on("nodes/*", Fault.Action.DELETE, "volume busy"));
        String id = heat.create(request("f", spec(GROUP)));
        assertThat(heat.find("f", StackCredential.NONE).orElseThrow().status()).hasToString("CREATE_COMPLETE");
        heat.delete("f", id, StackCredential.NONE);
        assertThat(heat.find("f", StackCredential.NONE).orElseThrow().status()).hasToString("DELETE_FAILED");
        assertThat(heat.find("f", StackCredential.NONE).orElseThrow().statusReason())
                .isEqualTo("Resource DELETE failed: volume busy");
    }

    @Test
    void aLimitedFaultIsUsedUpSoARetrySucceeds() {
        String id = faults.add(new Fault.FailResource("nodes/1", Fault.Action.CREATE, "boom", 1));
        heat.create(request("f", spec(GROUP)));
        assertThat(heat.resources("f", null, 1, StackCredential.NONE)).filteredOn(StackResource::isFailed)
                .extracting(StackResource::path).containsExactly("nodes", "nodes/1");
        assertThat(faults.list()).doesNotContainKey(id);

        heat.update("f", heat.find("f", StackCredential.NONE).orElseThrow().id(),
                new dev.magnetar.core.port.StackUpdate(java.util.Map.of(), true, 0), StackCredential.NONE);
        assertThat(heat.find("f", StackCredential.NONE).orElseThrow().status()).hasToString("UPDATE_COMPLETE");
    }

    @Test
    void theApiIsUnavailableForTheNextCalls() {
        faults.add(Fault.ApiUnavailable.forCalls(2));
        for (int i = 0; i < 2; i++) {
            OrchestratorException e = catchThrowableOfType(OrchestratorException.class,
                    () -> heat.find("f", StackCredential.NONE));
            assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.TRANSIENT);
        }
        assertThat(heat.find("f", StackCredential.NONE)).isEmpty();
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void theApiIsUnavailableForAWindowOfTime() {
        faults.apiUnavailableFor(Duration.ofSeconds(30));
        assertThatThrownBy(() -> heat.create(request("f", spec(GROUP)))).isInstanceOf(OrchestratorException.class);
        clock.advanceSeconds(29);
        assertThatThrownBy(() -> heat.find("f", StackCredential.NONE)).isInstanceOf(OrchestratorException.class);
        clock.advanceSeconds(1);
        assertThat(heat.find("f", StackCredential.NONE)).isEmpty();
    }

    @Test
    void latencyIsSpentOnEveryCallUntilRemoved() {
        String id = faults.add(new Fault.Latency(Duration.ofMillis(250)));
        heat.find("f", StackCredential.NONE);
        heat.find("f", StackCredential.NONE);
        faults.remove(id);
        heat.find("f", StackCredential.NONE);
        assertThat(slept).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void aStalledResourceKeepsTheStackInProgress() {
        SimulatedOrchestrator slow = new SimulatedOrchestrator(clock, DurationProfile.realistic(), faults, null);
        faults.add(new Fault.StallResource("nodes/2", null));
        slow.create(request("f", spec(GROUP)));
        clock.advance(Duration.ofMinutes(30));
        assertThat(slow.find("f", StackCredential.NONE).orElseThrow().status()).hasToString("CREATE_IN_PROGRESS");
    }

    @Test
    void faultsRoundTripThroughJsonForTheAdminEndpoint() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Fault fault = json.readValue("""
                {"kind": "fail_resource", "resource": "agents/*/agent_wait", "action": "CREATE", "reason": "no signal"}
                """, Fault.class);
        assertThat(fault).isEqualTo(new Fault.FailResource("agents/*/agent_wait", Fault.Action.CREATE, "no signal", null));
        Fault outage = Fault.ApiUnavailable.forCalls(3);
        assertThat(json.readValue(json.writeValueAsString(outage), Fault.class)).isEqualTo(outage);
        assertThat(json.writeValueAsString(new Fault.Latency(Duration.ofSeconds(1)))).contains("\"kind\":\"latency\"");
    }
}
