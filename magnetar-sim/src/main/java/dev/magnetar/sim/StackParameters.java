package dev.magnetar.sim;

import dev.magnetar.sim.hot.HotEnvironment;
import dev.magnetar.sim.hot.HotException;
import dev.magnetar.sim.hot.HotTemplate;
import dev.magnetar.sim.hot.ParameterDefinition;

import java.util.LinkedHashMap;
import java.util.Map;

/** A template's parameter values: given, else the environment's default, else the template's. */
final class StackParameters {

    private final HotEnvironment environment;

    StackParameters(HotEnvironment environment) {
        this.environment = environment;
    }

    /** The top-level stack's values; a given name the template does not declare is refused. */
    Map<String, Object> topLevel(HotTemplate template, Map<String, Object> given) {
        Map<String, Object> supplied = new LinkedHashMap<>(environment.parameters());
        supplied.putAll(given);
        for (String name : supplied.keySet()) {
            if (!template.parameters().containsKey(name)) {
                throw new HotException("The Parameter (" + name + ") was not defined in template.");
            }
        }
        return of(template, supplied, "template");
    }

    /** The values of a (nested) template, validated; {@code what} names it in refusals. */
    Map<String, Object> of(HotTemplate template, Map<String, Object> supplied, String what) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDefinition definition : template.parameters().values()) {
            String name = definition.name();
            Object raw;
            if (supplied.get(name) != null) {
                raw = supplied.get(name);
            } else if (environment.parameterDefaults().get(name) != null) {
                raw = environment.parameterDefaults().get(name);
            } else if (definition.hasDefault()) {
                raw = definition.defaultValue();
            } else {
                throw new HotException("The Parameter (" + name + ") was not provided"
                        + (what.equals("template") ? "." : " to " + what + "."));
            }
            values.put(name, raw == null ? null : definition.validate(raw));
        }
        return values;
    }
}
