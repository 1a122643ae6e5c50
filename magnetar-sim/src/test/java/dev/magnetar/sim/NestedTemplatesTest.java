package dev.magnetar.sim;

import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nested templates by file name and by resource_registry, their outputs as attributes, None mappings. */
class NestedTemplatesTest {

    private static final String NODE = HEADER + """
            parameters:
              name: {type: string}
              size: {type: number, default: 10}
            resources:
              volume: {type: OS::Cinder::Volume, properties: {size: {get_param: size}}}
              server: {type: OS::Nova::Server, properties: {name: {get_param: name}}}
            outputs:
              address: {value: {get_attr: [server, first_address]}}
              summary: {value: {str_replace: {template: "$N:$S", params: {$N: {get_param: name}, $S: {get_attr: [volume, size]}}}}}
            """;

    private final SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(MutableClock.atEpochDay(),
            DurationProfile.fast());

    private Stack create(String template, String environment) {
        heat.create(request("n", new StackSpec(HEADER + template, Map.of("node.yaml", NODE), environment, Map.of())));
        return heat.find("n", StackCredential.NONE).orElseThrow();
    }

    @Test
    void aFileNamedAsTypeIsANestedStackWhoseOutputsAreAttributes() {
        Stack stack = create("""
                resources:
                  first: {type: node.yaml, properties: {name: alpha}}
                outputs:
                  address: {value: {get_attr: [first, address]}}
                  summary: {value: {get_attr: [first, summary]}}
                  id: {value: {get_attr: [first, "OS::stack_id"]}}
                  ref: {value: {get_resource: first}}
                """, "");
        assertThat(stack.outputs()).containsEntry("address", "10.0.0.3").containsEntry("summary", "alpha:10");
        assertThat(stack.outputs().get("id")).isEqualTo(stack.outputs().get("ref"));
        assertThat(heat.resources("n", null, 1, StackCredential.NONE))
                .extracting(StackResource::path, StackResource::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "node.yaml"),
                        org.assertj.core.groups.Tuple.tuple("first/server", "OS::Nova::Server"),
                        org.assertj.core.groups.Tuple.tuple("first/volume", "OS::Cinder::Volume"));
    }

    @Test
    void theResourceRegistryMapsATypeToAFileOrToNone() {
        Stack stack = create("""
                resources:
                  nodes:
                    type: OS::Heat::ResourceGroup
                    properties:
                      count: 2
                      resource_def: {type: Magnetar::Node, properties: {name: n%index%, size: 5}}
                  gone: {type: OS::Nova::Server}
                outputs:
                  summaries: {value: {get_attr: [nodes, summary]}}
                  gone: {value: {get_attr: [gone, first_address]}}
                """, "resource_registry:\n  Magnetar::Node: node.yaml\n  OS::Nova::Server: OS::Heat::None\n");
        assertThat(stack.outputs()).containsEntry("summaries", List.of("n0:5", "n1:5")).containsEntry("gone", null);
    }

    @Test
    void anInlineHeatStackExposesItsOutputs() {
        Stack stack = create("""
                resources:
                  inner:
                    type: OS::Heat::Stack
                    properties:
                      parameters: {greeting: hello}
                      template:
                        heat_template_version: 2018-08-31
                        parameters: {greeting: {type: string}}
                        outputs: {said: {value: {get_param: greeting}}}
                outputs:
                  said: {value: {get_attr: [inner, outputs, said]}}
                """, "");
        assertThat(stack.outputs()).containsEntry("said", "hello");
    }

    @Test
    void aSpecTheLinterRejectsIsRejectedByCreate() {
        assertThatThrownBy(() -> create("resources:\n  x: {type: Unknown::Type}\n", ""))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.REJECTED))
                .hasMessage("template: resources.x: Unknown resource type 'Unknown::Type'");
        assertThat(heat.find("n", StackCredential.NONE)).isEmpty();
    }
}
