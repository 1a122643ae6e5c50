package dev.magnetar.sim;

import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Each intrinsic function, observed through stack outputs of a fast simulated Heat. */
class FunctionsTest {

    private final SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(MutableClock.atEpochDay(),
            DurationProfile.fast());

    private Map<String, Object> outputs(String template, Map<String, String> files, Map<String, Object> parameters) {
        heat.create(request("s", new StackSpec(HEADER + template, files, "", parameters)));
        Stack stack = heat.find("s", StackCredential.NONE).orElseThrow();
        assertThat(stack.status()).hasToString("CREATE_COMPLETE");
        return stack.outputs();
    }

    private Object output(String template) {
        return outputs(template, Map.of(), Map.of()).get("out");
    }

    @Test
    void getParamFollowsAPathIntoJsonAndLists() {
        Map<String, Object> out = outputs("""
                parameters:
                  meta: {type: json, default: {"agents": {"count": 3}}}
                  zones: {type: comma_delimited_list, default: "a, b,c"}
                outputs:
                  count: {value: {get_param: [meta, agents, count]}}
                  second: {value: {get_param: [zones, 1]}}
                  name: {value: {get_param: "OS::stack_name"}}
                """, Map.of(), Map.of());
        assertThat(out).containsEntry("count", 3).containsEntry("second", "b").containsEntry("name", "s");
    }

    @Test
    void getResourceGivesThePhysicalIdAndGetAttrFollowsNestedPaths() {
        Map<String, Object> out = outputs("""
                resources:
                  server: {type: OS::Nova::Server, properties: {name: master}}
                  cfg: {type: OS::Heat::Value, properties: {value: {a: [10, {b: deep}]}}}
                outputs:
                  id: {value: {get_resource: server}}
                  address: {value: {get_attr: [server, first_address]}}
                  by_network: {value: {get_attr: [server, networks, private, 0]}}
                  deep: {value: {get_attr: [cfg, value, a, 1, b]}}
                """, Map.of(), Map.of());
        assertThat((String) out.get("id")).matches("[0-9a-f-]{36}");
        assertThat(out).containsEntry("address", "10.0.0.3").containsEntry("by_network", "10.0.0.3")
                .containsEntry("deep", "deep");
    }

    @Test
    void strReplaceReplacesLongestKeysFirstAndNeverTwice() {
        assertThat(output("""
                outputs:
                  out:
                    value:
                      str_replace:
                        template: "$NODE $NODE_COUNT $X"
                        params: {$NODE: "$X", $NODE_COUNT: 3, $X: x}
                """)).isEqualTo("$X 3 x");
    }

    @Test
    void listJoinJoinsSeveralListsAndRendersMapsAsJson() {
        assertThat(output("""
                outputs:
                  out: {value: {list_join: [",", [a, b], [c, {k: 1}]]}}
                """)).isEqualTo("a,b,c,{\"k\":1}");
    }

    @Test
    void getFileReadsFromTheFilesMap() {
        Map<String, Object> out = outputs("""
                outputs:
                  out: {value: {get_file: scripts/hello.sh}}
                """, Map.of("scripts/hello.sh", "#!/bin/sh\necho hi\n"), Map.of());
        assertThat(out.get("out")).isEqualTo("#!/bin/sh\necho hi\n");
    }

    @Test
    void repeatExpandsEveryPermutationOfItsLoopVariables() {
        assertThat(output("""
                parameters:
                  ports: {type: comma_delimited_list, default: "80,443"}
                outputs:
                  out:
                    value:
                      repeat:
                        for_each: {<%port%>: {get_param: ports}, <%proto%>: [tcp, udp]}
                        template: {port: <%port%>, protocol: <%proto%>}
                """)).isEqualTo(List.of(
                Map.of("port", "80", "protocol", "tcp"), Map.of("port", "80", "protocol", "udp"),
                Map.of("port", "443", "protocol", "tcp"), Map.of("port", "443", "protocol", "udp")));
    }

    @Test
    void strSplitGivesAListOrOneElement() {
        Map<String, Object> out = outputs("""
                outputs:
                  all: {value: {str_split: [",", "a,b,c"]}}
                  one: {value: {str_split: [",", "a,b,c", 2]}}
                """, Map.of(), Map.of());
        assertThat(out).containsEntry("all", List.of("a", "b", "c")).containsEntry("one", "c");
    }

    @Test
    void mapMergeAndListConcatCombineTheirArguments() {
        Map<String, Object> out = outputs("""
                outputs:
                  merged: {value: {map_merge: [{a: 1, b: 1}, {b: 2}]}}
                  joined: {value: {list_concat: [[a], [b, c]]}}
                """, Map.of(), Map.of());
        assertThat(out).containsEntry("merged", Map.of("a", 1, "b", 2)).containsEntry("joined", List.of("a", "b", "c"));
    }

    @Test
    void getAttrOnANoneResourceIsNullAlsoInsideStrReplace() {
        Map<String, Object> out = outputs("""
                resources:
                  net: {type: OS::Heat::None}
                outputs:
                  name: {value: {get_attr: [net, name]}}
                  text: {value: {str_replace: {template: "net=$N", params: {$N: {get_attr: [net, name]}}}}}
                """, Map.of(), Map.of());
        assertThat(out).containsEntry("name", null).containsEntry("text", "net=");
    }

    @Test
    void randomStringIsStableForTheStackAndHonoursItsLength() {
        String template = """
                resources:
                  secret: {type: OS::Heat::RandomString, properties: {length: 12}}
                outputs:
                  out: {value: {get_attr: [secret, value]}}
                """;
        Object first = output(template);
        assertThat((String) first).hasSize(12).matches("[A-Za-z0-9]+");
        assertThat(heat.find("s", StackCredential.NONE).orElseThrow().outputs().get("out")).isEqualTo(first);
    }
}
