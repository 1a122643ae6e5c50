package dev.magnetar.sim.hot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Heat environment: the {@code resource_registry} that maps types to other types or to
 * template files, {@code parameter_defaults} (which reach nested templates too) and
 * {@code parameters} (top-level only).
 */
public record HotEnvironment(Map<String, String> resourceRegistry, Map<String, Object> parameterDefaults,
                             Map<String, Object> parameters) {

    private static final Set<String> SECTIONS = Set.of("resource_registry", "parameter_defaults", "parameters",
            "event_sinks", "encrypted_param_names", "parameter_merge_strategies");

    public static final HotEnvironment EMPTY = new HotEnvironment(Map.of(), Map.of(), Map.of());

    public static HotEnvironment parse(String text) {
        Map<String, Object> doc = HotYaml.parseMap(text, "Environment");
        for (String section : doc.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw new HotException("Environment: unknown section '" + section + "'");
            }
        }
        Map<String, String> registry = new LinkedHashMap<>();
        if (doc.get("resource_registry") instanceof Map<?, ?> map) {
            // Per-resource overrides (the nested "resources" map) are not part of the supported subset.
            map.forEach((type, target) -> {
                if (target instanceof String s) {
                    registry.put(type.toString(), s);
                }
            });
        }
        return new HotEnvironment(registry, map(doc.get("parameter_defaults")), map(doc.get("parameters")));
    }

    /** What the registry maps this type to, by exact name or by a {@code *} wildcard entry. */
    public String mapping(String type) {
        String exact = resourceRegistry.get(type);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : resourceRegistry.entrySet()) {
            String key = entry.getKey();
            if (key.endsWith("*") && type.startsWith(key.substring(0, key.length() - 1))) {
                return entry.getValue();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object section) {
        return section instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }
}
