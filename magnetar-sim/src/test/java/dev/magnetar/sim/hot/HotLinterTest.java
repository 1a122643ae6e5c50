package dev.magnetar.sim.hot;

import dev.magnetar.core.port.StackSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the linter reports, and how clearly. */
class HotLinterTest {

    private static final String HEADER = "heat_template_version: 2021-04-16\n";
    private final HotLinter linter = new HotLinter();

    private List<String> lint(String template) {
        return linter.lint(new StackSpec(HEADER + template, Map.of(), "", Map.of()));
    }

    @Test
    void aCleanTemplateHasNoProblems() {
        assertThat(lint("""
                parameters:
                  flavor: {type: string, default: m1.small}
                conditions:
                  big: {equals: [{get_param: flavor}, m1.large]}
                resources:
                  server: {type: OS::Nova::Server, properties: {flavor: {get_param: flavor}}}
                  extra: {type: OS::Heat::Value, condition: big, properties: {value: {get_attr: [server, first_address]}}}
                outputs:
                  address: {value: {get_attr: [server, first_address]}}
                """)).isEmpty();
    }

    @Test
    void reportsReferencesToUndeclaredParametersResourcesAndConditions() {
        assertThat(lint("""
                resources:
                  server:
                    type: OS::Nova::Server
                    depends_on: [network]
                    condition: missing_condition
                    properties:
                      flavor: {get_param: flavour}
                      networks: [{port: {get_resource: port}}]
                outputs:
                  address: {value: {get_attr: [master, first_address]}}
                """)).containsExactlyInAnyOrder(
                "template: resources.server: depends_on refers to undeclared resource 'network'",
                "template: resources.server.condition: condition 'missing_condition' is not declared in conditions",
                "template: resources.server: get_param refers to undeclared parameter 'flavour'",
                "template: resources.server: get_resource refers to undeclared resource 'port'",
                "template: outputs.address: get_attr refers to undeclared resource 'master'");
    }

    @Test
    void reportsUnknownTypesMissingFilesAndUnsupportedFunctions() {
        assertThat(lint("""
                resources:
                  thing: {type: OS::Swift::Container}
                  nested: {type: missing.yaml}
                  script:
                    type: OS::Heat::SoftwareConfig
                    properties:
                      config: {get_file: scripts/missing.sh}
                  query: {type: OS::Heat::Value, properties: {value: {yaql: {expression: "1"}}}}
                """)).containsExactlyInAnyOrder(
                "template: resources.thing: Unknown resource type 'OS::Swift::Container'",
                "template: resources.nested: Template file 'missing.yaml' for resource type 'missing.yaml' is not in the files map",
                "template: resources.script: get_file refers to 'scripts/missing.sh', which is not in the files map",
                "template: resources.query: function 'yaql' is not supported; supported functions are get_param, "
                        + "get_resource, get_attr, get_file, str_replace, str_replace_strict, list_join, str_split, "
                        + "repeat, if, map_merge, list_concat");
    }

    @Test
    void reportsDefaultsThatBreakTheirOwnConstraints() {
        assertThat(lint("""
                parameters:
                  count:
                    type: number
                    default: 0
                    constraints: [{range: {min: 1}}]
                """)).containsExactly(
                "template: parameters.count: default Parameter 'count' is invalid: 0 is out of range (min: 1)");
    }

    @Test
    void reportsDependencyCycles() {
        assertThat(lint("""
                resources:
                  a: {type: OS::Heat::Value, properties: {value: {get_attr: [b, value]}}}
                  b: {type: OS::Heat::Value, depends_on: c}
                  c: {type: OS::Heat::Value, properties: {value: {get_resource: a}}}
                """)).containsExactly("template: resources: Circular dependency between resources: a -> b -> c -> a");
    }

    @Test
    void reportsAnUnsupportedTemplateVersion() {
        assertThat(linter.lint(new StackSpec("heat_template_version: 2013-05-23\n", Map.of(), "", Map.of())))
                .singleElement().asString().startsWith("template: Unsupported heat_template_version '2013-05-23'");
    }

    @Test
    void lintsNestedTemplatesAndThePropertiesPassedToThem() {
        String node = HEADER + """
                parameters:
                  name: {type: string}
                  flavor: {type: string, default: m1.small}
                  image: {type: string}
                resources:
                  server: {type: OS::Nova::Server, properties: {name: {get_param: nam}}}
                """;
        List<String> problems = linter.lint(new StackSpec(HEADER + """
                resources:
                  nodes:
                    type: OS::Heat::ResourceGroup
                    properties:
                      count: 2
                      resource_def:
                        type: My::Node
                        properties: {name: node-%index%, colour: blue}
                  single: {type: node.yaml, properties: {name: one, image: centos}}
                """, Map.of("node.yaml", node), "resource_registry: {My::Node: node.yaml}", Map.of()));
        assertThat(problems).containsExactlyInAnyOrder(
                "node.yaml: resources.server: get_param refers to undeclared parameter 'nam'",
                "template: resources.nodes.resource_def: property 'colour' is not a parameter of node.yaml",
                "template: resources.nodes.resource_def: node.yaml requires parameter 'image', which is not passed");
    }

    @Test
    void registryMappingsToOtherTypesAndParameterDefaultsSatisfyTheLinter() {
        String node = HEADER + "parameters:\n  image: {type: string}\nresources:\n  server: {type: OS::Nova::Server}\n";
        assertThat(linter.lint(new StackSpec(HEADER + """
                resources:
                  lb: {type: OS::Octavia::LoadBalancer}
                  node: {type: My::Node}
                """, Map.of("node.yaml", node), """
                resource_registry:
                  "OS::Octavia::*": OS::Heat::None
                  My::Node: node.yaml
                parameter_defaults: {image: centos}
                """, Map.of()))).isEmpty();
    }
}
