package dev.magnetar.driver.kit.labels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A label set read against a {@link LabelSchema}: values under their canonical names, each
 * already allowed by its own check. Defaults come from the schema.
 */
public final class Labels {

    private final LabelSchema schema;
    private final Map<String, String> values;

    Labels(LabelSchema schema, Map<String, String> values) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A violation in the one shape every driver answers with. */
    public static String describe(String label, String value, String rule) {
        return "label '" + label + "' value '" + value + "': " + rule;
    }

    /**
     * A violation of a label the user gave, in the shape of {@link #describe}; a secret label's
     * value is not repeated (it may be a template's, which the caller may not read).
     */
    public String describeGiven(String name, String rule) {
        return schema.isSecret(name) ? describeSecret(name, rule) : describe(name, given(name).orElse(""), rule);
    }

    /** A violation of a secret label, without its value: error answers never echo a secret. */
    public static String describeSecret(String label, String rule) {
        return "label '" + label + "' (secret value not shown): " + rule;
    }

    /** The value the user gave, under the canonical name. */
    public Optional<String> given(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every value the user gave, by canonical name, in name order. */
    public Map<String, String> given() {
        return values;
    }

    /** The value given, else the schema's default; empty when neither exists. */
    public Optional<String> effective(String name) {
        return given(name).or(() -> Optional.ofNullable(schema.get(name).defaultValue()));
    }

    /** The value given, else {@code fallback} (for defaults that come from service settings). */
    public String givenOr(String name, String fallback) {
        return given(name).orElse(fallback);
    }

    /** A bool label's effective value; false when neither given nor defaulted. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(effective(name).orElse("false"));
    }
}
