package dev.magnetar.mesos.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --executor_environment_variables}: a JSON object whose every value is a string (Mesos
 * rejects the whole flag otherwise). Parsed strictly and re-serialised compactly, so what reaches
 * a node is our canonical JSON, never the user's text.
 */
public final class ExecutorEnvironment {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ExecutorEnvironment() {
    }

    /** The variables, or empty with a violation added to {@code sink}. */
    public static Optional<Map<String, String>> parse(String flag, String value, List<FlagViolation> sink) {
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            sink.add(new FlagViolation(flag, value, "must be a JSON object of string values, e.g. {\"JAVA_HOME\":\"/opt/java\"}"
                    + " (not JSON: " + e.getOriginalMessage() + ")"));
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            sink.add(new FlagViolation(flag, value, "must be a JSON object of string values, e.g. {\"JAVA_HOME\":\"/opt/java\"}"));
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        int before = sink.size();
        tree.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                sink.add(new FlagViolation(flag, e.getKey(), "every value must be a JSON string; '" + e.getKey()
                        + "' is " + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            } else if (!NAME.matcher(e.getKey()).matches()) {
                sink.add(new FlagViolation(flag, e.getKey(),
                        "variable names must match [A-Za-z_][A-Za-z0-9_]*"));
            } else {
                variables.put(e.getKey(), e.getValue().textValue());
            }
        });
        return sink.size() == before ? Optional.of(variables) : Optional.empty();
    }

    /** Compact JSON with the keys in the given order; control characters come out escaped. */
    public static String toJson(Map<String, String> variables) {
        ObjectNode node = JSON.createObjectNode();
        variables.forEach(node::put);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
