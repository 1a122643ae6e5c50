package dev.magnetar.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.error.CommandError;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the RFC 6902 patch of an {@code *-update <ident> <op> <path=value>...} command the way
 * python-magnumclient does: a missing leading {@code /} is added, each value is JSON-decoded when it
 * parses ({@code node_count=3} sends the number 3, {@code name=x} the string "x"), {@code remove}
 * takes bare paths, and the map-valued attributes ({@code labels}, {@code health_status_reason}) are
 * parsed with the {@code --labels} rules and sent as a JSON object.
 */
public final class PatchBuilder {

    /** The operations Magnum's PATCH accepts. */
    public static final List<String> OPERATIONS = List.of("add", "replace", "remove");
    private static final Set<String> MAP_PATHS = Set.of("/labels", "/health_status_reason");

    private final ObjectMapper json;
    private final ObjectReader strictReader;
    private final Labels labels;

    public PatchBuilder(ObjectMapper json) {
        this.json = json;
        this.strictReader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.labels = new Labels(json);
    }

    public ArrayNode build(String op, List<String> attributes) {
        if (!OPERATIONS.contains(op)) {
            throw new CommandError("Unknown PATCH operation: " + op);
        }
        ArrayNode patch = json.createArrayNode();
        for (String attribute : attributes) {
            String rooted = attribute.startsWith("/") ? attribute : "/" + attribute;
            ObjectNode operation = patch.addObject().put("op", op);
            if (op.equals("remove")) {
                operation.put("path", rooted);
                continue;
            }
            int eq = rooted.indexOf('=');
            if (eq < 0) {
                throw new CommandError("Attributes must be a list of PATH=VALUE not \"" + rooted + "\"");
            }
            String path = rooted.substring(0, eq);
            String text = rooted.substring(eq + 1);
            operation.put("path", path);
            operation.set("value", MAP_PATHS.contains(path) ? mapValue(text) : decode(text));
        }
        return patch;
    }

    /** The JSON value the text spells, or the text itself as a string. */
    private JsonNode decode(String text) {
        try {
            JsonNode value = strictReader.readTree(text);
            return value == null || value.isMissingNode() ? json.getNodeFactory().textNode(text) : value;
        } catch (JsonProcessingException notJson) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private JsonNode mapValue(String text) {
        JsonNode decoded = decode(text);
        if (decoded.isObject()) {
            return decoded;
        }
        Map<String, String> parsed = labels.parse(List.of(text));
        return json.valueToTree(parsed);
    }
}
