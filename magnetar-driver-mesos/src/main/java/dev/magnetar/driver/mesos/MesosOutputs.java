package dev.magnetar.driver.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.port.Stack;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a stack's outputs back into cluster fields. Versions arrive as Heat wait condition data:
 * the masters' condition gives a JSON object of signal id to data, each agent's a list of such
 * objects; a plain string (as a simulated cloud may give) is taken as is.
 */
final class MesosOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MesosOutputs() {
    }

    static ClusterObservation observe(Stack stack) {
        Map<String, Object> out = stack.outputs();
        return new ClusterObservation(text(out.get("api_address")), strings(out.get("master_addresses")),
                strings(out.get("node_addresses")), firstSignalData(out.get("mesos_version")),
                firstSignalData(out.get("docker_versions")));
    }

    /** Agent member name by private and by public address, from the {@code agent_members} output. */
    static Map<String, String> agentMembers(Stack stack) {
        Map<String, String> byAddress = new LinkedHashMap<>();
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
            return list.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof String s && !s.isEmpty()) {
            return List.of(s);
        }
        return List.of();
    }

    static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    /** The first non-empty datum of a wait condition's data, or of a list of them. */
    static String firstSignalData(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(MesosOutputs::firstSignalData).filter(Objects::nonNull).findFirst().orElse(null);
        }
        String text = text(value);
        if (text == null || !text.startsWith("{")) {
            return text;
        }
        try {
            Iterator<JsonNode> values = JSON.readTree(text).elements();
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
