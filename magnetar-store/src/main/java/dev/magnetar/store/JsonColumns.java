package dev.magnetar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Map;

/**
 * Maps and lists stored as JSON text, which every engine keeps verbatim. Map keys are written in
 * order so that equal maps are equal text.
 */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<JsonNode> TREE = new TypeReference<>() { };

    private JsonColumns() {
    }

    static String write(Object mapOrList) {
        try {
            return MAPPER.writeValueAsString(mapOrList);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + mapOrList + " as JSON", e);
        }
    }

    static Map<String, String> readMap(String json) {
        return json == null || json.isEmpty() ? Map.of() : read(json, MAP);
    }

    static List<String> readList(String json) {
        return json == null || json.isEmpty() ? List.of() : read(json, LIST);
    }

    /** The stored object as a tree, for columns whose values are not all strings; empty when absent. */
    static JsonNode readTree(String json) {
        return json == null || json.isEmpty() ? MAPPER.createObjectNode() : read(json, TREE);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is corrupt: " + json, e);
        }
    }
}
