package dev.magnetar.server.api.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.error.MagnetarException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields from a JSON request object and refuses bad input with Magnum's wording:
 * "Invalid input for field/attribute X. Value: 'v'. <what is allowed>". Absent and JSON null both
 * read as "not given".
 */
public final class FieldReader {

    private final ObjectNode body;

    private FieldReader(ObjectNode body) {
        this.body = body;
    }

    /**
     * @param argument Magnum's name of the request body ({@code cluster_template}, {@code baymodel},
     *                 {@code cluster}, {@code bay}), used in the unknown-attribute message
     */
    public static FieldReader of(JsonNode body, String argument, Set<String> knownFields) {
        if (body == null || !body.isObject()) {
            throw MagnetarException.invalid("Invalid input for field/attribute " + argument + ". Value: '"
                    + text(body) + "'. Value should be a JSON object");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw MagnetarException.invalid("Unknown attribute for argument " + argument + ": " + name);
            }
        }
        return new FieldReader((ObjectNode) body);
    }

    public boolean has(String field) {
        return body.hasNonNull(field);
    }

    /** A string of 1 to {@code max} characters, or null when absent. */
    public String string(String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, node, "string");
        }
        String value = node.asText();
        if (value.isEmpty()) {
            throw invalid(field, value, "Value should have a minimum character requirement of 1");
        }
        if (value.length() > max) {
            throw invalid(field, value, "Value should have a maximum character requirement of " + max);
        }
        return value;
    }

    public String mandatoryString(String field, int max) {
        String value = string(field, max);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public String matching(String field, int max, Pattern pattern) {
        String value = string(field, max);
        if (value != null && !pattern.matcher(value).matches()) {
            throw invalid(field, value, "Value should match the pattern " + pattern.pattern());
        }
        return value;
    }

    public String oneOf(String field, List<String> allowed) {
        String value = string(field, 255);
        if (value != null && !allowed.contains(value)) {
            throw invalid(field, value, "Value should be one of: " + String.join(", ", allowed));
        }
        return value;
    }

    /** An integer within [min, max], or null when absent. Numeric strings are accepted, as wsme does. */
    public Integer integer(String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().matches("-?\\d{1,10}")) {
            value = Long.parseLong(node.asText());
        } else {
            throw wrongType(field, node, "integer");
        }
        if (value < min) {
            throw invalid(field, text(node), "Value should be greater or equal to " + min);
        }
        if (value > max) {
            throw invalid(field, text(node), "Value should be less or equal to " + max);
        }
        return (int) value;
    }

    /** A boolean; also "true"/"false" strings in any case, as wsme does. */
    public Boolean bool(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw wrongType(field, node, "boolean");
    }

    public boolean bool(String field, boolean fallback) {
        Boolean value = bool(field);
        return value == null ? fallback : value;
    }

    /**
     * Labels: an object whose values are strings, numbers or booleans (stored as their text), or the
     * Python dict literal python-magnumclient sends on update.
     */
    public Map<String, String> labels(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return Labels.from(field, node);
    }

    public List<String> stringList(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, node, "list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw wrongType(field, node, "list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    public static MagnetarException missing(String field) {
        return invalid(field, "None", "Mandatory field missing.");
    }

    public static MagnetarException invalid(String field, String value, String rule) {
        return MagnetarException.invalid(
                "Invalid input for field/attribute " + field + ". Value: '" + value + "'. " + rule);
    }

    static MagnetarException wrongType(String field, JsonNode node, String expected) {
        return invalid(field, text(node), "Wrong type. Expected '" + expected + "', got '" + typeName(node) + "'");
    }

    static String typeName(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "float";
            case BOOLEAN -> "boolean";
            case ARRAY -> "list";
            case OBJECT -> "dict";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "None";
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Label maps: every key a non-empty string, every value a scalar. */
    static final class Labels {
        private Labels() {
        }

        static Map<String, String> from(String field, JsonNode node) {
            JsonNode object = node;
            if (node.isTextual()) {
                object = PythonLiteral.parseDict(node.asText())
                        .orElseThrow(() -> wrongType(field, node, "dict"));
            }
            if (!object.isObject()) {
                throw wrongType(field, node, "dict");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            var fields = object.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                JsonNode value = entry.getValue();
                if (entry.getKey().isEmpty()) {
                    throw invalid(field, text(node), "Label names must not be empty");
                }
                if (!value.isValueNode() || value.isNull()) {
                    throw invalid(field + "/" + entry.getKey(), text(value),
                            "Label values must be strings, numbers or booleans");
                }
                labels.put(entry.getKey(), value.asText());
            }
            return labels;
        }
    }
}
