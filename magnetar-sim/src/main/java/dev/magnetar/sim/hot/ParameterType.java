package dev.magnetar.sim.hot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The HOT parameter types: how a given value is coerced, and how Heat shows it back as text. */
public enum ParameterType {
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    JSON("json"),
    COMMA_DELIMITED_LIST("comma_delimited_list");

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "off", "0");

    private final String hotName;

    ParameterType(String hotName) {
        this.hotName = hotName;
    }

    public String hotName() {
        return hotName;
    }

    public static ParameterType of(Object name) {
        for (ParameterType type : values()) {
            if (type.hotName.equals(name)) {
                return type;
            }
        }
        throw new HotException("Invalid parameter type '" + name + "'; one of string, number, boolean, json, "
                + "comma_delimited_list");
    }

    /** The value in this type's natural Java form; {@link IllegalArgumentException} with a reason otherwise. */
    public Object coerce(Object value) {
        return switch (this) {
            case STRING -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw new IllegalArgumentException("Value must be a string, not " + Values.kind(value));
                }
                yield Values.string(value);
            }
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case JSON -> json(value);
            case COMMA_DELIMITED_LIST -> list(value);
        };
    }

    /** The value as Heat reports it in a stack's parameters: always text. */
    public String display(Object coerced) {
        return switch (this) {
            case JSON -> {
                try {
                    yield JSON_MAPPER.writeValueAsString(coerced);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            case COMMA_DELIMITED_LIST -> String.join(",", ((List<?>) coerced).stream().map(Values::string).toList());
            default -> Values.string(coerced);
        };
    }

    private static Number number(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return (Number) value;
        }
        if (value instanceof Number n) {
            return integral(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                return integral(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Value '" + s + "' is not a number");
            }
        }
        throw new IllegalArgumentException("Value must be a number, not " + Values.kind(value));
    }

    private static Number integral(double d) {
        if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
            return (int) d;
        }
        return d;
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = Values.string(value).trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(text)) {
            return true;
        }
        if (FALSE.contains(text)) {
            return false;
        }
        throw new IllegalArgumentException("Value '" + value + "' is not a boolean");
    }

    private static Object json(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return value;
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                return Map.of();
            }
            try {
                Object parsed = JSON_MAPPER.readValue(s, Object.class);
                if (parsed instanceof Map<?, ?> || parsed instanceof List<?>) {
                    return parsed;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Value '" + s + "' is not valid JSON: " + e.getOriginalMessage());
            }
        }
        throw new IllegalArgumentException("Value must be a JSON map or list, not " + Values.kind(value));
    }

    private static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(Values::string).toList());
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("Value must be a comma-delimited list, not a map");
        }
        String text = Values.string(value);
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(text.split(",")).map(String::trim).toList());
    }
}
