package dev.magnetar.mesos.agent;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An agent's attributes ({@code --attributes}, DC/OS's {@code MESOS_ATTRIBUTES}): {@code key:value} pairs
 * separated by {@code ;}. Mesos 1.11 reads each value as a scalar, a range list or text
 * ({@code src/common/attributes.cpp}, {@code Attributes::parse}; {@code src/common/values.cpp}) and stops
 * the agent at start on anything else: a pair without {@code :}, an empty key or value, or a set
 * ({@code {a,b}}), which attributes do not support. Magnetar accepts a stricter subset that schedulers'
 * constraints (Marathon's {@code LIKE}, {@code CLUSTER}) read the same way: keys of letters, digits,
 * {@code _ . -}; text values of those and {@code /}; each key once.
 */
public final class MesosAttributes {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern SCALAR = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern RANGES = Pattern.compile("\\[\\s*[0-9]+\\s*-\\s*[0-9]+\\s*(,\\s*[0-9]+\\s*-\\s*[0-9]+\\s*)*]");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,254}");

    private MesosAttributes() {
    }

    /** The rule {@code attributes} breaks, or empty when a Mesos 1.11 agent starts with it. */
    public static Optional<String> problem(String attributes) {
        if (attributes.isBlank()) {
            return Optional.of("give at least one key:value pair");
        }
        Set<String> keys = new HashSet<>();
        for (String pair : attributes.split(";", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Optional.of("'" + pair + "' is not a key:value pair (pairs are separated by ';')");
            }
            String key = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            if (!KEY.matcher(key).matches()) {
                return Optional.of("key '" + key + "' must be 1-128 letters, digits, '_', '.' or '-', not starting "
                        + "with '.' or '-'");
            }
            if (!keys.add(key)) {
                return Optional.of("key '" + key + "' is given twice");
            }
            if (value.startsWith("{")) {
                return Optional.of("value '" + value + "' of " + key + " is a set, which Mesos attributes do not "
                        + "support (the agent would not start)");
            }
            if (!SCALAR.matcher(value).matches() && !RANGES.matcher(value).matches()
                    && !TEXT.matcher(value).matches()) {
                return Optional.of("value '" + value + "' of " + key + " must be a number (2, 0.5), ranges "
                        + "([1000-2000,3000-4000]) or text of letters, digits, '_', '.', '/' or '-'");
            }
        }
        return Optional.empty();
    }
}
