package dev.magnetar.sim;

import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static org.assertj.core.api.Assertions.assertThat;

/** ResourceGroup: members, %index%, its get_attr forms, scaling with removal_policies. */
class ResourceGroupTest {

    private static final String TEMPLATE = HEADER + """
            parameters:
              count: {type: number, default: 3}
              remove: {type: comma_delimited_list, default: ""}
            resources:
              nodes:
                type: OS::Heat::ResourceGroup
                properties:
                  count: {get_param: count}
                  removal_policies: [{resource_list: {get_param: remove}}]
                  resource_def:
                    type: OS::Nova::Server
                    properties:
                      name: node-%index%
            outputs:
              addresses: {value: {get_attr: [nodes, first_address]}}
              names: {value: {get_attr: [nodes, name]}}
              refs: {value: {get_attr: [nodes, refs]}}
              second: {value: {get_attr: [nodes, resource.1, first_address]}}
              second_dotted: {value: {get_attr: [nodes, resource.1.name]}}
              by_member: {value: {get_attr: [nodes, attributes, name]}}
            """;

    private final MutableClock clock = MutableClock.atEpochDay();
    private final SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(clock, DurationProfile.fast());

    private Stack stack() {
        return heat.find("g", StackCredential.NONE).orElseThrow();
    }

    private String create() {
        return heat.create(request("g", new StackSpec(TEMPLATE, Map.of(), "", Map.of())));
    }

    private void update(Map<String, Object> changed) {
        clock.advanceSeconds(1);
        heat.update("g", stack().id(), new StackUpdate(changed, true, 0), StackCredential.NONE);
    }

    @Test
    void membersAreIndexedAndTheGroupAttributesListThem() {
        create();
        Map<String, Object> outputs = stack().outputs();
        assertThat(outputs.get("addresses")).isEqualTo(List.of("10.0.0.3", "10.0.0.4", "10.0.0.5"));
        assertThat(outputs.get("names")).isEqualTo(List.of("node-0", "node-1", "node-2"));
        assertThat((List<?>) outputs.get("refs")).hasSize(3).doesNotHaveDuplicates();
        assertThat(outputs).containsEntry("second", "10.0.0.4").containsEntry("second_dotted", "node-1")
                .containsEntry("by_member", Map.of("0", "node-0", "1", "node-1", "2", "node-2"));
        assertThat(heat.resources("g", null, 1, StackCredential.NONE)).extracting(StackResource::path)
                .containsExactly("nodes", "nodes/0", "nodes/1", "nodes/2");
    }

    @Test
    void scalingUpKeepsMembersAndTheirAddressesAndGivesNewOnesNewAddresses() {
        create();
        Object refsBefore = stack().outputs().get("refs");
        update(Map.of("count", 5));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().outputs().get("addresses"))
                .isEqualTo(List.of("10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"));
        assertThat(((List<?>) stack().outputs().get("refs")).subList(0, 3)).isEqualTo(refsBefore);
    }

    @Test
    void scalingDownRemovesTheHighestIndexesByDefault() {
        create();
        update(Map.of("count", 1));
        assertThat(stack().outputs().get("names")).isEqualTo(List.of("node-0"));
        assertThat(heat.resources("g", null, 1, StackCredential.NONE)).extracting(StackResource::path)
                .containsExactly("nodes", "nodes/0");
    }

    @Test
    void removalPoliciesRemoveTheNamedMembersFirstAndNeverReuseTheirNames() {
        create();
        update(Map.of("count", 2, "remove", "1"));
        assertThat(stack().outputs().get("names")).isEqualTo(List.of("node-0", "node-2"));
        assertThat(stack().outputs().get("addresses")).isEqualTo(List.of("10.0.0.3", "10.0.0.5"));

        update(Map.of("count", 3));
        assertThat(stack().outputs().get("names")).isEqualTo(List.of("node-0", "node-2", "node-3"));
        assertThat(stack().outputs().get("addresses")).isEqualTo(List.of("10.0.0.3", "10.0.0.5", "10.0.0.6"));
    }

    @Test
    void removalPoliciesAlsoAcceptAMembersPhysicalId() {
        create();
        String firstRef = (String) ((List<?>) stack().outputs().get("refs")).get(0);
        update(Map.of("count", 2, "remove", firstRef));
        assertThat(stack().outputs().get("names")).isEqualTo(List.of("node-1", "node-2"));
    }

    @Test
    void scaleDownShowsTheRemovedMembersDeletingUntilTheyAreGone() {
        SimulatedOrchestrator slow = SimulatedOrchestrator.inMemory(clock, DurationProfile.realistic());
        slow.create(request("g", new StackSpec(TEMPLATE, Map.of(), "", Map.of())));
        clock.advanceSeconds(10);
        String id = slow.find("g", StackCredential.NONE).orElseThrow().id();
        slow.update("g", id, new StackUpdate(Map.of("count", 2), true, 0), StackCredential.NONE);
        clock.advanceSeconds(0.5);
        assertThat(slow.find("g", StackCredential.NONE).orElseThrow().status()).hasToString("UPDATE_IN_PROGRESS");
        assertThat(slow.resources("g", id, 1, StackCredential.NONE))
                .extracting(StackResource::path, r -> r.status().text())
                .contains(org.assertj.core.groups.Tuple.tuple("nodes/2", "DELETE_IN_PROGRESS"),
                        org.assertj.core.groups.Tuple.tuple("nodes/0", "CREATE_COMPLETE"));
        clock.advanceSeconds(5);
        assertThat(slow.find("g", StackCredential.NONE).orElseThrow().status()).hasToString("UPDATE_COMPLETE");
        assertThat(slow.resources("g", id, 1, StackCredential.NONE)).extracting(StackResource::path)
                .containsExactly("nodes", "nodes/0", "nodes/1");
    }
}
