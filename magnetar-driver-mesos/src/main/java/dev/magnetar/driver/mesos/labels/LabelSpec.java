package dev.magnetar.driver.mesos.labels;

import java.util.List;
import java.util.Objects;

/**
 * One label of the Mesos driver: its type, what it allows, its default, the Mesos, Marathon or
 * ZooKeeper rule behind it, and where it lands. The validator, the renderers and the generated
 * docs all read these records, so a label cannot be documented one way and enforced another.
 *
 * @param aliases      other names accepted for it (the DC/OS driver's spelling, to ease migration)
 * @param type         a short type name for docs and messages, e.g. {@code bool}, {@code Mesos duration}
 * @param allowed      what values are allowed, in words a user can act on
 * @param defaultValue the effective default shown in docs, or {@code null} when unset means "not written"
 * @param rule         the rule it encodes (or why it is rejected)
 * @param target       the flag, environment variable or Heat parameter it becomes
 */
public record LabelSpec(String name, List<String> aliases, String type, String allowed, String defaultValue,
                        String rule, Landing landing, String target, ValueCheck check) {

    public LabelSpec {
        Objects.requireNonNull(name);
        aliases = List.copyOf(aliases);
        check = check == null ? ValueCheck.ANY : check;
    }

    public boolean rejected() {
        return landing == Landing.REJECTED;
    }
}
