package dev.magnetar.sim;

import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.magnetar.sim.Specs.HEADER;
import static dev.magnetar.sim.Specs.request;
import static dev.magnetar.sim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter types, defaults, hidden values and constraints; conditions and {@code if}. */
class ParametersAndConditionsTest {

    private static final String PARAMETERS = HEADER + """
            parameters:
              flavor:
                type: string
                default: m1.small
                constraints:
                  - allowed_values: [m1.small, m1.medium]
              count:
                type: number
                default: 1
                constraints:
                  - range: {min: 1, max: 5}
              name:
                type: string
                default: abc
                constraints:
                  - length: {min: 2, max: 8}
                  - allowed_pattern: "[a-z]+"
              token: {type: string, hidden: true}
              debug: {type: boolean, default: false}
              labels: {type: json, default: {}}
              zones: {type: comma_delimited_list, default: ""}
            outputs:
              debug: {value: {get_param: debug}}
              count: {value: {get_param: count}}
              labels: {value: {get_param: labels}}
            """;

    private final SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(MutableClock.atEpochDay(),
            DurationProfile.fast());

    private Stack create(String template, Map<String, Object> parameters) {
        heat.create(request("s", spec(template, parameters)));
        return heat.find("s", StackCredential.NONE).orElseThrow();
    }

    @Test
    void valuesAreCoercedToTheirTypesAndShownAsTextWithHiddenOnesMasked() {
        Stack stack = create(PARAMETERS, Map.of("token", "s3cret", "count", "3", "debug", "yes",
                "labels", "{\"a\": \"b\"}", "zones", "nova,az2"));
        assertThat(stack.outputs()).containsEntry("debug", true).containsEntry("count", 3)
                .containsEntry("labels", Map.of("a", "b"));
        assertThat(stack.parameters()).containsEntry("token", "******").containsEntry("count", "3")
                .containsEntry("debug", "true").containsEntry("zones", "nova,az2").containsEntry("flavor", "m1.small")
                .containsEntry("OS::stack_name", "s");
    }

    @Test
    void aParameterWithoutDefaultOrValueIsRejected() {
        assertThatThrownBy(() -> create(PARAMETERS, Map.of()))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.REJECTED))
                .hasMessage("The Parameter (token) was not provided.");
    }

    @Test
    void aValueForAnUndeclaredParameterIsRejected() {
        assertThatThrownBy(() -> create(PARAMETERS, Map.of("token", "t", "flavour", "m1.small")))
                .hasMessage("The Parameter (flavour) was not defined in template.");
    }

    @Test
    void eachConstraintRejectsWithAHeatLikeMessage() {
        assertRejected(Map.of("flavor", "m9.huge"),
                "Parameter 'flavor' is invalid: \"m9.huge\" is not an allowed value [m1.small, m1.medium]");
        assertRejected(Map.of("count", 9), "Parameter 'count' is invalid: 9 is out of range (min: 1, max: 5)");
        assertRejected(Map.of("name", "a"), "Parameter 'name' is invalid: length (1) is out of range (min: 2, max: 8)");
        assertRejected(Map.of("name", "ABC"), "Parameter 'name' is invalid: \"ABC\" does not match pattern \"[a-z]+\"");
        assertRejected(Map.of("count", "many"), "Parameter 'count' is invalid: Value 'many' is not a number");
        assertRejected(Map.of("labels", "{nope"), "Parameter 'labels' is invalid: Value '{nope' is not valid JSON");
    }

    private void assertRejected(Map<String, Object> values, String message) {
        Map<String, Object> withToken = new java.util.HashMap<>(values);
        withToken.put("token", "t");
        assertThatThrownBy(() -> heat.create(request("s", spec(PARAMETERS, withToken))))
                .isInstanceOfSatisfying(OrchestratorException.class,
                        e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.REJECTED))
                .hasMessageStartingWith(message);
    }

    @Test
    void environmentParametersAndDefaultsApplyUnderTheCallersValues() {
        String template = HEADER + """
                parameters:
                  a: {type: string}
                  b: {type: string}
                  c: {type: string, default: template}
                outputs:
                  all: {value: {list_join: ["-", [{get_param: a}, {get_param: b}, {get_param: c}]]}}
                """;
        heat.create(request("s", new dev.magnetar.core.port.StackSpec(template, Map.of(),
                "parameter_defaults: {a: from-defaults, c: from-defaults}\nparameters: {b: from-env}", Map.of("a", "given"))));
        assertThat(heat.find("s", StackCredential.NONE).orElseThrow().outputs())
                .containsEntry("all", "given-from-env-from-defaults");
    }

    private static final String CONDITIONS = HEADER + """
            parameters:
              env: {type: string, default: prod}
              lb: {type: boolean, default: true}
            conditions:
              is_prod: {equals: [{get_param: env}, prod]}
              not_prod: {not: is_prod}
              prod_with_lb: {and: [is_prod, {equals: [{get_param: lb}, true]}]}
              any: {or: [not_prod, prod_with_lb]}
            resources:
              lb:
                type: OS::Heat::Value
                condition: prod_with_lb
                properties: {value: balanced}
              plain:
                type: OS::Heat::Value
                condition: {not: prod_with_lb}
                properties: {value: plain}
            outputs:
              mode: {value: {if: [is_prod, production, {if: [not_prod, development, never]}]}}
              lb_value: {value: {get_attr: [lb, value]}}
              lb_id: {value: {get_resource: lb}}
              plain_value: {value: {get_attr: [plain, value]}}
              any: {value: {if: [any, "yes", "no"]}}
              only_prod: {value: "yes", condition: is_prod}
            """;

    @Test
    void conditionsChooseResourcesAndIfBranches() {
        Stack prod = create(CONDITIONS, Map.of());
        assertThat(prod.outputs()).containsEntry("mode", "production").containsEntry("lb_value", "balanced")
                .containsEntry("plain_value", null).containsEntry("any", "yes").containsEntry("only_prod", "yes");
        assertThat(heat.resources("s", prod.id(), 0, StackCredential.NONE))
                .extracting(r -> r.path()).containsExactly("lb");
    }

    @Test
    void aFalseConditionLeavesTheResourceOutAndItsReferencesNull() {
        Stack dev = create(CONDITIONS, Map.of("env", "dev"));
        assertThat(dev.outputs()).containsEntry("mode", "development").containsEntry("lb_value", null)
                .containsEntry("lb_id", null).containsEntry("plain_value", "plain").containsEntry("only_prod", null);
    }
}
