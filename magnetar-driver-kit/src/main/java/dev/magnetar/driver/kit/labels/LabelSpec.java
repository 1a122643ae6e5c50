package dev.magnetar.driver.kit.labels;

import java.util.List;
import java.util.Objects;

/**
 * One label of a driver: its type, what it allows, its default, the COE rule behind it, and where
 * it lands. The validator, the renderers and the generated docs all read these records, so a label
 * cannot be documented one way and enforced another.
 *
 * @param aliases      other names accepted for it
 * @param type         a short type name for docs and messages, e.g. {@code bool}, {@code Mesos duration}
 * @param allowed      what values are allowed, in words a user can act on
 * @param defaultValue the effective default, or {@code null} when unset means "not written"
 * @param rule         the COE rule it encodes (or why it is refused)
 * @param target       the config key, flag, environment variable or Heat parameter it becomes
 * @param check        the value's own rule; {@code null} allows any value
 */
public record LabelSpec(String name, List<String> aliases, String type, String allowed, String defaultValue,
                        String rule, LabelLanding landing, String target, ValueCheck check) {

    /** The {@link #type} of a label whose value is a secret (a password or key): shown to its owner only. */
    public static final String SECRET = "secret";

    public LabelSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(landing);
        aliases = List.copyOf(aliases);
        check = check == null ? ValueCheck.ANY : check;
    }

    /** A key the driver refuses, with {@code reason} as its rule. */
    public static LabelSpec refused(String name, String reason, LabelLanding refusedLanding) {
        return new LabelSpec(name, List.of(), "-", "-", null, reason, refusedLanding, "-", null);
    }

    /** Whether the value is a secret: its type is {@value #SECRET}. */
    public boolean secret() {
        return SECRET.equals(type);
    }

    public boolean rejected() {
        return landing.refuses();
    }
}
