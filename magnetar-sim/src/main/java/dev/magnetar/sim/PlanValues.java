package dev.magnetar.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small value helpers the planner shares: template substitution, digests, instants. */
final class PlanValues {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PlanValues() {
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Replaces {@code variable} by {@code index} in every string of a property tree. */
    static Object substitute(Object node, String variable, String index) {
        if (node instanceof String s) {
            return s.replace(variable, index);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), substitute(v, variable, index)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> substitute(item, variable, index)).toList();
        }
        return node;
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    /** A digest of evaluated properties, independent of map order, to tell a changed resource. */
    static String digest(Object properties) {
        try {
            return ResourceAttributes.digest(CANONICAL.writeValueAsString(properties));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
