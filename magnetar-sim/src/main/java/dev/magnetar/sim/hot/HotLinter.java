package dev.magnetar.sim.hot;

import dev.magnetar.core.port.StackSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a stack spec the way the simulated Heat reads it, without creating anything: the
 * interpreter in check mode. Drivers' template tests call it; the simulated orchestrator refuses
 * any spec it finds fault with, so a template that passes here is one the simulator can run.
 */
public final class HotLinter {

    /** The problems found, each naming the file and the place; empty when the spec is fine. */
    public List<String> lint(StackSpec spec) {
        List<String> problems = new ArrayList<>();
        HotEnvironment environment;
        try {
            environment = HotEnvironment.parse(spec.environment());
        } catch (HotException e) {
            problems.add("environment: " + e.getMessage());
            environment = HotEnvironment.EMPTY;
        }
        new Run(spec.files(), environment, problems).template("template", spec.template(), new LinkedHashSet<>());
        return problems;
    }

    /** One lint of one spec: remembers which nested files were already checked. */
    private static final class Run {
        private final Map<String, String> files;
        private final HotEnvironment environment;
        private final List<String> problems;
        private final Set<String> linted = new HashSet<>();

        Run(Map<String, String> files, HotEnvironment environment, List<String> problems) {
            this.files = files;
            this.environment = environment;
            this.problems = problems;
        }

        /** Lints a template; returns it parsed (null if it cannot be parsed) for property checks by the caller. */
        HotTemplate template(String name, String text, Set<String> including) {
            HotTemplate template;
            try {
                template = HotTemplate.parse(text, name);
            } catch (HotException e) {
                problems.add(name + ": " + e.getMessage());
                return null;
            }
            if (!linted.add(name)) {
                return template;
            }
            Set<String> chain = new LinkedHashSet<>(including);
            chain.add(name);
            Checker checker = new Checker(template, files, name + ": ", problems);
            template.parameters().values().forEach(parameter -> {
                if (parameter.hasDefault() && parameter.defaultValue() != null) {
                    try {
                        parameter.validate(parameter.defaultValue());
                    } catch (HotException e) {
                        checker.problem("parameters." + parameter.name(), "default " + e.getMessage());
                    }
                }
            });
            template.conditions().forEach((conditionName, expression) ->
                    Conditions.check(expression, checker, "conditions." + conditionName));
            template.resources().values().forEach(resource -> resource(resource, template, checker, chain));
            try {
                Dependencies.order(Dependencies.of(template));
            } catch (HotException e) {
                checker.problem("resources", e.getMessage());
            }
            template.outputs().values().forEach(output -> {
                String where = "outputs." + output.name();
                checker.walk(output.value(), where);
                if (output.condition() != null) {
                    Conditions.check(output.condition(), checker, where + ".condition");
                }
            });
            return template;
        }

        private void resource(HotTemplate.ResourceDefinition resource, HotTemplate template, Checker checker,
                              Set<String> chain) {
            String where = "resources." + resource.name();
            for (String dependency : resource.dependsOn()) {
                if (!template.resources().containsKey(dependency)) {
                    checker.problem(where, "depends_on refers to undeclared resource '" + dependency + "'");
                }
            }
            if (resource.condition() != null) {
                Conditions.check(resource.condition(), checker, where + ".condition");
            }
            ResourceTypes.Resolved type = resolve(resource.type(), checker, where);
            if (type instanceof ResourceTypes.Builtin builtin && builtin.type().equals(ResourceTypes.STACK)) {
                inlineStack(resource, checker, where, chain);
                return;
            }
            checker.walk(resource.properties(), where);
            if (type instanceof ResourceTypes.Builtin builtin && builtin.type().equals(ResourceTypes.RESOURCE_GROUP)) {
                if (!(resource.properties().get("resource_def") instanceof Map<?, ?> definition)
                        || !(definition.get("type") instanceof String memberType)) {
                    checker.problem(where, "a ResourceGroup needs a resource_def with a type");
                    return;
                }
                ResourceTypes.Resolved member = resolve(memberType, checker, where + ".resource_def");
                if (member instanceof ResourceTypes.Nested nested) {
                    nested(nested, definition.get("properties"), checker, where + ".resource_def", chain);
                }
            } else if (type instanceof ResourceTypes.Nested nested) {
                nested(nested, resource.properties(), checker, where, chain);
            }
        }

        /** An OS::Heat::Stack: its inline template is a document of its own, not part of this one. */
        private void inlineStack(HotTemplate.ResourceDefinition resource, Checker checker, String where,
                                 Set<String> chain) {
            Map<String, Object> others = new java.util.LinkedHashMap<>(resource.properties());
            Object inline = others.remove("template");
            checker.walk(others, where);
            if (inline instanceof Map<?, ?> || inline instanceof String) {
                String text = inline instanceof String s ? s : Functions.text(inline);
                template(checker.location(where + ".template"), text, chain);
            }
        }

        private ResourceTypes.Resolved resolve(String type, Checker checker, String where) {
            try {
                return ResourceTypes.resolve(type, files, environment);
            } catch (HotException e) {
                checker.problem(where, e.getMessage());
                return null;
            }
        }

        private void nested(ResourceTypes.Nested nested, Object properties, Checker checker, String where,
                            Set<String> chain) {
            if (chain.contains(nested.file())) {
                checker.problem(where, "template '" + nested.file() + "' includes itself");
                return;
            }
            HotTemplate template = template(nested.file(), files.get(nested.file()), chain);
            if (template == null) {
                return;
            }
            Set<String> passed = new HashSet<>();
            if (properties instanceof Map<?, ?> map) {
                map.keySet().forEach(key -> passed.add(key.toString()));
            }
            for (String property : passed) {
                if (!template.parameters().containsKey(property)) {
                    checker.problem(where, "property '" + property + "' is not a parameter of " + nested.file());
                }
            }
            for (ParameterDefinition parameter : template.parameters().values()) {
                if (!parameter.hasDefault() && !passed.contains(parameter.name())
                        && !environment.parameterDefaults().containsKey(parameter.name())) {
                    checker.problem(where, nested.file() + " requires parameter '" + parameter.name()
                            + "', which is not passed");
                }
            }
        }
    }
}
