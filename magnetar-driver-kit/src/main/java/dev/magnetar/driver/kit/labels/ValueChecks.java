package dev.magnetar.driver.kit.labels;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules every driver's schema uses alike. Each answers the broken rule in words a user
 * can act on; rules one COE alone has stay with its driver.
 */
public final class ValueChecks {

    /** A dotted-quad IPv4 address, each part 0 to 255 without leading zeros. */
    public static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    private ValueChecks() {
    }

    public static ValueCheck bool() {
        return oneOf("true", "false");
    }

    public static ValueCheck oneOf(String... allowed) {
        List<String> values = Arrays.asList(allowed);
        return v -> values.contains(v) ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", values));
    }

    public static ValueCheck integer(int min, int max) {
        String rule = "must be an integer from " + min + " to " + max;
        return v -> {
            try {
                int n = Integer.parseInt(v);
                return n >= min && n <= max ? Optional.empty() : Optional.of(rule);
            } catch (NumberFormatException e) {
                return Optional.of(rule);
            }
        };
    }

    /** The whole value matches {@code regex}; else {@code description} is the rule. */
    public static ValueCheck pattern(String regex, String description) {
        Pattern p = Pattern.compile(regex);
        return v -> p.matcher(v).matches() ? Optional.empty() : Optional.of(description);
    }

    /** Empty, or what {@code check} allows: for labels whose empty value means "none". */
    public static ValueCheck emptyOr(ValueCheck check) {
        return v -> v.isEmpty() ? Optional.empty() : check.problem(v);
    }
}
