package dev.magnetar.sim;

import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ResourceGroup's rolling_update as Heat applies it on an update: the changed members in batches of
 * max_batch_size, one batch after the other, and the update stops at the batch where a member fails,
 * leaving the members after it untouched for the next update.
 */
class RollingUpdateTest {

    private static final String TEMPLATE = HEADER + """
            parameters:
              image: {type: string, default: old}
              batch: {type: number, default: 2}
            resources:
              nodes:
                type: OS::Heat::ResourceGroup
                update_policy:
                  rolling_update: {max_batch_size: {get_param: batch}, pause_time: 0}
                properties:
                  count: 5
                  resource_def:
                    type: OS::Nova::Server
                    properties:
                      name: node-%index%
                      image: {get_param: image}
            """;

    private final MutableClock clock = MutableClock.atEpochDay();

    private Stack stack(SimulatedOrchestrator heat) {
        return heat.find("g", StackCredential.NONE).orElseThrow();
    }

    private SimulatedOrchestrator created(DurationProfile profile) {
        SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(clock, profile);
        heat.create(request("g", new StackSpec(TEMPLATE, Map.of(), "", Map.of())));
        clock.advanceSeconds(10);
        assertThat(stack(heat).status()).hasToString("CREATE_COMPLETE");
        return heat;
    }

    private void update(SimulatedOrchestrator heat, Map<String, Object> changed) {
        heat.update("g", stack(heat).id(), new StackUpdate(changed, true, 0), StackCredential.NONE);
    }

    /** Each member's status, by member name. */
    private Map<String, String> members(SimulatedOrchestrator heat) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (StackResource r : heat.resources("g", null, 1, StackCredential.NONE)) {
            if (r.path().startsWith("nodes/")) {
                statuses.put(r.path().substring("nodes/".length()), r.status().text());
            }
        }
        return statuses;
    }

    @Test
    void anUpdateChangesTheMembersInBatchesOfMaxBatchSizeOneBatchAfterTheOther() {
        SimulatedOrchestrator heat = created(DurationProfile.realistic()); // a server takes 3 s

        update(heat, Map.of("image", "new"));
        clock.advanceSeconds(1);
        assertThat(members(heat)).containsExactly(Map.entry("0", "UPDATE_IN_PROGRESS"),
                Map.entry("1", "UPDATE_IN_PROGRESS"), Map.entry("2", "CREATE_COMPLETE"),
                Map.entry("3", "CREATE_COMPLETE"), Map.entry("4", "CREATE_COMPLETE"));
        clock.advanceSeconds(3);
        assertThat(members(heat)).containsExactly(Map.entry("0", "UPDATE_COMPLETE"),
                Map.entry("1", "UPDATE_COMPLETE"), Map.entry("2", "UPDATE_IN_PROGRESS"),
                Map.entry("3", "UPDATE_IN_PROGRESS"), Map.entry("4", "CREATE_COMPLETE"));
        clock.advanceSeconds(3);
        assertThat(members(heat)).containsEntry("3", "UPDATE_COMPLETE").containsEntry("4", "UPDATE_IN_PROGRESS");
        clock.advanceSeconds(3);
        assertThat(stack(heat).status()).hasToString("UPDATE_COMPLETE");
        assertThat(members(heat).values()).containsOnly("UPDATE_COMPLETE");
    }

    @Test
    void withoutARollingUpdatePolicyEveryMemberChangesAtOnce() {
        SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(clock, DurationProfile.realistic());
        heat.create(request("g", new StackSpec(TEMPLATE.replace(
                "    update_policy:\n      rolling_update: {max_batch_size: {get_param: batch}, pause_time: 0}\n", ""),
                Map.of(), "", Map.of())));
        clock.advanceSeconds(10);

        update(heat, Map.of("image", "new"));
        clock.advanceSeconds(1);
        assertThat(members(heat).values()).containsOnly("UPDATE_IN_PROGRESS");
    }

    @Test
    void aFailingMemberStopsTheUpdateAfterItsBatchAndTheNextUpdateTakesUpTheRest() {
        SimulatedOrchestrator heat = created(DurationProfile.fast());
        heat.faults().add(Fault.FailResource.on("nodes/2", Fault.Action.UPDATE, "node-2 did not come back"));

        update(heat, Map.of("image", "new"));
        clock.advanceSeconds(1);

        assertThat(stack(heat).status()).hasToString("UPDATE_FAILED");
        assertThat(stack(heat).statusReason()).contains("node-2 did not come back");
        assertThat(members(heat)).containsExactly(Map.entry("0", "UPDATE_COMPLETE"),
                Map.entry("1", "UPDATE_COMPLETE"), Map.entry("2", "UPDATE_FAILED"),
                Map.entry("3", "UPDATE_COMPLETE"), Map.entry("4", "CREATE_COMPLETE"));

        heat.faults().clear();
        clock.advanceSeconds(1);
        update(heat, Map.of("image", "new"));
        clock.advanceSeconds(1);

        assertThat(stack(heat).status()).hasToString("UPDATE_COMPLETE");
        assertThat(members(heat).values()).containsOnly("UPDATE_COMPLETE");
    }
}
