package dev.magnetar.driver.kit.labels;

import java.util.List;
import java.util.Objects;

/**
 * One label of a driver: its type, what it allows, its default, the COE rule behind it, and where
 * it lands. The validator, the renderers and the generated docs all read these records, so a label
 * cannot be documented one way and enforced another.
 *
 * @param aliases      other names accepted for it
 * @param type         the value's codec: its name for the docs, its check and its config-tree form
 * @param allowed      what values are allowed, in words a user can act on
 * @param defaultValue the effective default, or {@code null} when unset means "not written"
 * @param rule         the COE rule it encodes (or why it is refused)
 * @param target       the config key, flag, environment variable or Heat parameter it becomes
 */
public record LabelSpec(String name, List<String> aliases, LabelType type, String allowed, String defaultValue,
                        String rule, LabelLanding landing, String target) {

    /** The type name of a label whose value is a secret (a password or key): shown to its owner only. */
    public static final String SECRET = "secret";

    public LabelSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(landing);
        aliases = List.copyOf(aliases);
    }

    /** A key the driver refuses, with {@code reason} as its rule. */
    public static LabelSpec refused(String name, String reason, LabelLanding refusedLanding) {
        return new LabelSpec(name, List.of(), LabelTypes.text("-", null), "-", null, reason, refusedLanding, "-");
    }

    /** Whether the value is a secret, as its type says. */
    public boolean secret() {
        return type.secret();
    }

    public boolean rejected() {
        return landing.refuses();
    }
}
