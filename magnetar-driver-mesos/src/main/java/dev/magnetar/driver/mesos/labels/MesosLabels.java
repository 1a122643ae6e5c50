package dev.magnetar.driver.mesos.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A label set read against {@link MesosLabelSchema}: aliases folded into their canonical names,
 * every value checked on its own. Rules that tie labels together come after, in
 * {@link MesosLabelRules}.
 */
public final class MesosLabels {

    private final Map<String, String> values;

    private MesosLabels(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The labels, and the violations found reading them as "label 'x' value 'y': rule" sentences. */
    public record Reading(MesosLabels labels, List<String> violations) {
        public Reading {
            violations = List.copyOf(violations);
        }
    }

    public static Reading read(Map<String, String> raw) {
        List<String> violations = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(raw).entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            Optional<LabelSpec> found = MesosLabelSchema.find(name);
            if (found.isEmpty()) {
                violations.add("label '" + name + "' is unknown to driver mesos_ubuntu_v1; accepted labels: "
                        + String.join(", ", MesosLabelSchema.acceptedNames()));
                continue;
            }
            LabelSpec spec = found.get();
            if (spec.rejected()) {
                violations.add("label '" + name + "' is not accepted: " + spec.rule());
                continue;
            }
            String earlier = givenAs.putIfAbsent(spec.name(), name);
            if (earlier != null) {
                violations.add("label '" + name + "' repeats '" + earlier + "' (the same setting under two names); "
                        + "give only one");
                continue;
            }
            Optional<String> problem = spec.check().problem(value);
            if (problem.isPresent()) {
                violations.add(describe(name, value, problem.get()));
                continue;
            }
            values.put(spec.name(), value);
        }
        return new Reading(new MesosLabels(values), violations);
    }

    public static String describe(String label, String value, String rule) {
        return "label '" + label + "' value '" + value + "': " + rule;
    }

    /** The value the user gave, under the canonical name. */
    public Optional<String> given(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(given(name).orElse(MesosLabelSchema.get(name).defaultValue()));
    }

    /** The value given, else {@code fallback} (for defaults that come from service settings). */
    public String givenOr(String name, String fallback) {
        return given(name).orElse(fallback);
    }
}
