package dev.magnetar.sim.hot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed HOT document: its sections, checked for shape but not yet evaluated.
 *
 * @param conditions condition expressions by name, unevaluated
 */
public record HotTemplate(String version, Map<String, ParameterDefinition> parameters, Map<String, Object> conditions,
                          Map<String, ResourceDefinition> resources, Map<String, OutputDefinition> outputs) {

    private static final Set<String> SECTIONS = Set.of("heat_template_version", "description", "parameter_groups",
            "parameters", "resources", "outputs", "conditions");
    private static final Set<String> RESOURCE_KEYS = Set.of("type", "properties", "metadata", "depends_on",
            "update_policy", "deletion_policy", "external_id", "condition");

    /**
     * One entry of {@code resources}.
     *
     * @param condition    the raw {@code condition:} (name, expression or boolean), null when absent
     * @param updatePolicy the raw {@code update_policy:} (a ResourceGroup's {@code rolling_update}), null when absent
     */
    public record ResourceDefinition(String name, String type, Map<String, Object> properties, List<String> dependsOn,
                                     Object condition, Object updatePolicy) {
    }

    public record OutputDefinition(String name, Object value, Object condition) {
    }

    /** Templates parsed lately, by text and name: every stack of one driver sends the same few documents. */
    private static final int PARSED_KEPT = 256;
    private static final Map<List<String>, HotTemplate> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(PARSED_KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, HotTemplate> eldest) {
                    return size() > PARSED_KEPT;
                }
            });

    /**
     * Parses the document text; {@link HotException} for anything Heat would refuse on sight. A text
     * parsed lately under the same name gives the template parsed then (it is immutable and the
     * planner copies what it changes), so a thousand stacks of one driver cost one parse per document.
     */
    public static HotTemplate parse(String text, String what) {
        List<String> key = List.of(text, what);
        HotTemplate parsed = PARSED.get(key);
        if (parsed == null) {
            parsed = of(HotYaml.parseMap(text, what), what);
            PARSED.put(key, parsed);
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    /** Reads an already parsed document (e.g. an inline OS::Heat::Stack template). */
    public static HotTemplate of(Map<String, Object> doc, String what) {
        for (String section : doc.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw new HotException(what + ": unknown section '" + section + "'");
            }
        }
        String version = TemplateVersions.canonical(doc.get("heat_template_version"));
        Map<String, ParameterDefinition> parameters = new LinkedHashMap<>();
        section(doc, "parameters", what).forEach((name, body) -> parameters.put(name, ParameterDefinition.parse(name, body)));
        Map<String, ResourceDefinition> resources = new LinkedHashMap<>();
        section(doc, "resources", what).forEach((name, body) -> resources.put(name, resource(name, body, what)));
        Map<String, OutputDefinition> outputs = new LinkedHashMap<>();
        section(doc, "outputs", what).forEach((name, body) -> {
            if (!(body instanceof Map<?, ?> map) || !map.containsKey("value")) {
                throw new HotException(what + ": output '" + name + "' must be a map with a 'value'");
            }
            outputs.put(name, new OutputDefinition(name, map.get("value"), map.get("condition")));
        });
        return new HotTemplate(version, Collections.unmodifiableMap(parameters),
                Collections.unmodifiableMap(section(doc, "conditions", what)), Collections.unmodifiableMap(resources),
                Collections.unmodifiableMap(outputs));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> doc, String name, String what) {
        Object section = doc.get(name);
        if (section == null) {
            return new LinkedHashMap<>();
        }
        if (!(section instanceof Map<?, ?>)) {
            throw new HotException(what + ": section '" + name + "' must be a map, not " + Values.kind(section));
        }
        return (Map<String, Object>) section;
    }

    @SuppressWarnings("unchecked")
    private static ResourceDefinition resource(String name, Object body, String what) {
        if (!(body instanceof Map<?, ?> map)) {
            throw new HotException(what + ": resource '" + name + "' must be a map, not " + Values.kind(body));
        }
        for (Object key : map.keySet()) {
            if (!RESOURCE_KEYS.contains(key.toString())) {
                throw new HotException(what + ": resource '" + name + "' has unknown key '" + key + "'");
            }
        }
        if (!(map.get("type") instanceof String type) || type.isBlank()) {
            throw new HotException(what + ": resource '" + name + "' is missing its 'type'");
        }
        Object properties = map.get("properties");
        if (properties != null && !(properties instanceof Map<?, ?>)) {
            throw new HotException(what + ": resource '" + name + "' properties must be a map");
        }
        List<String> dependsOn = new ArrayList<>();
        for (Object dependency : Values.list(map.get("depends_on"))) {
            dependsOn.add(Values.string(dependency));
        }
        return new ResourceDefinition(name, type,
                properties == null ? Map.of() : Collections.unmodifiableMap((Map<String, Object>) properties),
                List.copyOf(dependsOn), map.get("condition"), map.get("update_policy"));
    }
}
