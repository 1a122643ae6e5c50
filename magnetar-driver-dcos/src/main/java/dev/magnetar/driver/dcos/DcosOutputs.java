package dev.magnetar.driver.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.port.Stack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a stack's outputs back into cluster fields. Versions arrive as Heat wait condition data,
 * a JSON object of signal id to data; a plain string (as a simulated cloud may give) is taken as is.
 */
final class DcosOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DcosOutputs() {
    }

    static ClusterObservation observe(Stack stack) {
        Map<String, Object> out = stack.outputs();
        List<String> nodes = new ArrayList<>(strings(out.get("agent_addresses")));
        nodes.addAll(strings(out.get("public_agent_addresses")));
        return new ClusterObservation(text(out.get("api_address")), strings(out.get("master_addresses")), nodes,
                signalData(out.get("dcos_version")), signalData(out.get("docker_version")));
    }

    /** Agent member name by private and public address, from the {@code agent_members} output. */
    static Map<String, String> agentMembers(Stack stack) {
        Map<String, String> byAddress = new java.util.LinkedHashMap<>();
        for (String entry : strings(stack.outputs().get("agent_members"))) {
            String[] parts = entry.split("=", -1);
            if (parts.length == 3) {
                byAddress.put(parts[1], parts[0]);
                byAddress.put(parts[2], parts[0]);
            }
        }
        return byAddress;
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(java.util.Objects::nonNull).map(Object::toString)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof String s && !s.isEmpty()) {
            return List.of(s);
        }
        return List.of();
    }

    static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    static String signalData(Object value) {
        String text = text(value);
        if (text == null || !text.startsWith("{")) {
            return text;
        }
        try {
            JsonNode data = JSON.readTree(text);
            Iterator<JsonNode> values = data.elements();
            while (values.hasNext()) {
                String v = values.next().asText("");
                if (!v.isEmpty()) {
                    return v;
                }
            }
            return null;
        } catch (Exception e) {
            return text;
        }
    }
}
