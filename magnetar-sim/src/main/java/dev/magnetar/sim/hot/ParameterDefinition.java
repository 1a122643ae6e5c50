package dev.magnetar.sim.hot;

import java.util.List;
import java.util.Map;

/**
 * A declared template parameter.
 *
 * @param defaultValue the raw default, meaningful only when {@code hasDefault}
 */
public record ParameterDefinition(String name, ParameterType type, boolean hasDefault, Object defaultValue,
                                  boolean hidden, List<Constraint> constraints) {

    public ParameterDefinition {
        constraints = List.copyOf(constraints);
    }

    static ParameterDefinition parse(String name, Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw new HotException("Parameter '" + name + "' must be a map with a 'type', not " + Values.kind(body));
        }
        if (!map.containsKey("type")) {
            throw new HotException("Parameter '" + name + "' is missing its 'type'");
        }
        Object hidden = map.get("hidden");
        return new ParameterDefinition(name, ParameterType.of(map.get("type")), map.containsKey("default"),
                map.get("default"), Boolean.TRUE.equals(hidden) || "true".equals(Values.string(hidden)),
                Constraint.parseAll(map.get("constraints"), name));
    }

    /** The value coerced to this parameter's type and checked against its constraints. */
    public Object validate(Object raw) {
        Object value;
        try {
            value = type.coerce(raw);
        } catch (IllegalArgumentException e) {
            throw new HotException("Parameter '" + name + "' is invalid: " + e.getMessage());
        }
        for (Constraint constraint : constraints) {
            constraint.violation(value).ifPresent(reason -> {
                throw new HotException("Parameter '" + name + "' is invalid: " + reason);
            });
        }
        return value;
    }

    /** How a stack shows this parameter's value: text, and {@code ******} when hidden. */
    public String display(Object value) {
        return hidden ? "******" : type.display(value);
    }
}
