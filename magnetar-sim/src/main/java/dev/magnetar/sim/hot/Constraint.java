package dev.magnetar.sim.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of a parameter's {@code constraints}. A violation reads like Heat's, and a
 * constraint's own {@code description} replaces it, as in Heat.
 */
public sealed interface Constraint {

    /** Why the (coerced) value breaks this constraint, if it does. */
    Optional<String> violation(Object value);

    record AllowedValues(List<Object> allowed, String description) implements Constraint {
        @Override
        public Optional<String> violation(Object value) {
            List<String> allowedText = allowed.stream().map(Values::string).toList();
            List<Object> candidates = value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
            for (Object candidate : candidates) {
                if (!allowedText.contains(Values.string(candidate))) {
                    return Optional.of(described(description, "\"" + Values.string(candidate)
                            + "\" is not an allowed value [" + String.join(", ", allowedText) + "]"));
                }
            }
            return Optional.empty();
        }
    }

    record Range(Double min, Double max, String description) implements Constraint {
        @Override
        public Optional<String> violation(Object value) {
            if (!(value instanceof Number n)) {
                return Optional.empty();
            }
            double d = n.doubleValue();
            if ((min != null && d < min) || (max != null && d > max)) {
                return Optional.of(described(description, Values.string(value) + " is out of range" + bounds(min, max)));
            }
            return Optional.empty();
        }
    }

    record Length(Double min, Double max, String description) implements Constraint {
        @Override
        public Optional<String> violation(Object value) {
            int length = value instanceof List<?> l ? l.size()
                    : value instanceof Map<?, ?> m ? m.size() : Values.string(value).length();
            if ((min != null && length < min) || (max != null && length > max)) {
                return Optional.of(described(description, "length (" + length + ") is out of range" + bounds(min, max)));
            }
            return Optional.empty();
        }
    }

    record AllowedPattern(String pattern, String description) implements Constraint {
        @Override
        public Optional<String> violation(Object value) {
            String text = Values.string(value);
            if (!Pattern.compile(pattern).matcher(text).matches()) {
                return Optional.of(described(description, "\"" + text + "\" does not match pattern \"" + pattern + "\""));
            }
            return Optional.empty();
        }
    }

    /**
     * A {@code custom_constraint} such as {@code nova.flavor}: accepted and not checked, because
     * Magnetar validates images, flavors and networks in its own service before Heat sees them.
     */
    record Custom(String name) implements Constraint {
        @Override
        public Optional<String> violation(Object value) {
            return Optional.empty();
        }
    }

    /** Parses a parameter's {@code constraints} list. */
    static List<Constraint> parseAll(Object constraints, String parameter) {
        List<Constraint> parsed = new ArrayList<>();
        for (Object entry : Values.list(constraints)) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new HotException("Parameter '" + parameter + "': a constraint must be a map, not " + Values.kind(entry));
            }
            String description = map.get("description") == null ? null : Values.string(map.get("description"));
            String kind = map.keySet().stream().map(Object::toString).filter(k -> !k.equals("description"))
                    .collect(Collectors.joining(","));
            Object spec = map.get(kind);
            parsed.add(switch (kind) {
                case "allowed_values" -> new AllowedValues(Values.list(spec), description);
                case "range" -> new Range(bound(spec, "min"), bound(spec, "max"), description);
                case "length" -> new Length(bound(spec, "min"), bound(spec, "max"), description);
                case "allowed_pattern" -> new AllowedPattern(Values.string(spec), description);
                case "custom_constraint" -> new Custom(Values.string(spec));
                default -> throw new HotException("Parameter '" + parameter + "': unknown constraint '" + kind
                        + "'; one of allowed_values, range, length, allowed_pattern, custom_constraint");
            });
        }
        return parsed;
    }

    private static Double bound(Object spec, String key) {
        if (!(spec instanceof Map<?, ?> map) || map.get(key) == null) {
            return null;
        }
        Object bound = map.get(key);
        if (bound instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(Values.string(bound));
        } catch (NumberFormatException e) {
            throw new HotException("Constraint bound '" + key + "' must be a number, not '" + bound + "'");
        }
    }

    private static String bounds(Double min, Double max) {
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add("min: " + Values.string(min));
        }
        if (max != null) {
            parts.add("max: " + Values.string(max));
        }
        return " (" + String.join(", ", parts) + ")";
    }

    private static String described(String description, String message) {
        return description != null ? description : message;
    }
}
