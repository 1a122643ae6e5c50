package dev.magnetar.sim.hot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads HOT and environment documents (YAML, of which JSON is a subset) into plain maps and lists. */
final class HotYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private HotYaml() {
    }

    /** The document as a map; a blank document is an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseMap(String text, String what) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Object doc = YAML.readValue(text, Object.class);
            if (doc == null) {
                return new LinkedHashMap<>();
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new HotException(what + " must be a mapping, not " + Values.kind(doc));
            }
            return (Map<String, Object>) doc;
        } catch (JsonProcessingException e) {
            throw new HotException(what + " is not valid YAML: " + e.getOriginalMessage());
        }
    }
}
