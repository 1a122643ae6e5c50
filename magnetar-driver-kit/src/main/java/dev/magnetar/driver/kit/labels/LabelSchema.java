package dev.magnetar.driver.kit.labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A driver's label table, indexed by name and alias, and the reading of a request's labels
 * against it: aliases folded into their canonical names, unknown and refused keys named, every
 * value checked on its own. Rules that tie labels together stay with the driver and run after.
 */
public final class LabelSchema {

    /** What the "unknown label" answer lists as accepted. */
    public enum AcceptedNames {
        /** Canonical names only. */
        NAMES,
        /** Canonical names and their aliases. */
        NAMES_AND_ALIASES
    }

    private final String driver;
    private final List<LabelSpec> labels;
    private final Map<String, LabelSpec> byName;
    private final AcceptedNames listing;

    /**
     * @param driver  the driver's name, as the "unknown label" answer gives it
     * @param labels  the table, in documentation order
     * @param listing which names the "unknown label" answer offers
     */
    public LabelSchema(String driver, List<LabelSpec> labels, AcceptedNames listing) {
        this.driver = driver;
        this.labels = List.copyOf(labels);
        this.listing = listing;
        Map<String, LabelSpec> map = new LinkedHashMap<>();
        for (LabelSpec spec : this.labels) {
            map.put(spec.name(), spec);
            spec.aliases().forEach(a -> map.put(a, spec));
        }
        this.byName = Map.copyOf(map);
    }

    /** The table, in documentation order. */
    public List<LabelSpec> labels() {
        return labels;
    }

    /** The spec for a name or alias. */
    public Optional<LabelSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether the label of this name or alias holds a secret; unknown names do not. */
    public boolean isSecret(String name) {
        return find(name).map(LabelSpec::secret).orElse(false);
    }

    public LabelSpec get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no label " + name));
    }

    /** Names users may set, sorted, for "allowed" messages; aliases too when the schema lists them. */
    public List<String> acceptedNames() {
        return labels.stream().filter(l -> !l.rejected())
                .flatMap(l -> listing == AcceptedNames.NAMES_AND_ALIASES
                        ? Stream.concat(Stream.of(l.name()), l.aliases().stream()) : Stream.of(l.name()))
                .sorted().toList();
    }

    /** Reads {@code raw} in name order; every label breaking a rule of its own is one violation. */
    public LabelReading read(Map<String, String> raw) {
        List<String> violations = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(raw).entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            Optional<LabelSpec> found = find(name);
            if (found.isEmpty()) {
                violations.add("label '" + name + "' is unknown to driver " + driver + "; accepted labels: "
                        + String.join(", ", acceptedNames()));
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
            Optional<String> problem = spec.type().problem(value);
            if (problem.isPresent()) {
                violations.add(spec.secret() ? Labels.describeSecret(name, problem.get())
                        : Labels.describe(name, value, problem.get()));
                continue;
            }
            values.put(spec.name(), value);
        }
        return new LabelReading(new Labels(this, values), violations);
    }
}
