package dev.magnetar.driver.dcos.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A label set read against {@link DcosLabelSchema}: aliases folded into their canonical names,
 * every value checked on its own. Cross-label rules come after, in {@link DcosLabelRules}.
 */
public final class DcosLabels {

    private final Map<String, String> values;

    private DcosLabels(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Labels and the per-label violations found reading them, as "label 'x' value 'y': rule" sentences. */
    public record Reading(DcosLabels labels, List<String> violations) {
    }

    public static Reading read(Map<String, String> raw) {
        List<String> violations = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(raw).entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            Optional<LabelSpec> spec = DcosLabelSchema.find(name);
            if (spec.isEmpty()) {
                violations.add("label '" + name + "' is unknown to driver dcos_centos_v1; accepted labels: "
                        + String.join(", ", DcosLabelSchema.acceptedNames()));
                continue;
            }
            LabelSpec label = spec.get();
            if (label.rejected()) {
                violations.add("label '" + name + "' is not accepted: " + label.rule());
                continue;
            }
            String earlier = givenAs.putIfAbsent(label.name(), name);
            if (earlier != null) {
                violations.add("label '" + name + "' repeats '" + earlier + "' (the same setting under two names); "
                        + "give only one");
                continue;
            }
            Optional<String> problem = label.check().problem(value);
            if (problem.isPresent()) {
                violations.add(describe(name, value, problem.get()));
                continue;
            }
            values.put(label.name(), value);
        }
        return new Reading(new DcosLabels(values), violations);
    }

    static String describe(String label, String value, String rule) {
        return "label '" + label + "' value '" + value + "': " + rule;
    }

    /** The value the user gave, under the canonical name. */
    public Optional<String> given(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value given, else the schema's default; empty when neither exists. */
    public Optional<String> effective(String name) {
        return given(name).or(() -> Optional.ofNullable(DcosLabelSchema.get(name).defaultValue()));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(effective(name).orElse("false"));
    }

    public Map<String, String> given() {
        return values;
    }
}
