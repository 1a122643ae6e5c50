package dev.magnetar.core.conductor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The keys operations carry in their payload, and their encodings. */
public final class OperationPayload {

    public static final String NODES_TO_REMOVE = "nodes_to_remove";
    public static final String ROLLBACK = "rollback";
    public static final String PREVIOUS_NODE_COUNT = "previous_node_count";

    private OperationPayload() {
    }

    public static String encodeList(List<String> values) {
        return String.join("\n", values);
    }

    public static List<String> decodeList(Map<String, String> payload, String key) {
        String value = payload.get(key);
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
