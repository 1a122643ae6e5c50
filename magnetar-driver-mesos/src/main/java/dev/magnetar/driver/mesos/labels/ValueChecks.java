package dev.magnetar.driver.mesos.labels;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The reusable value rules of the schema. Each answers the broken rule in words a user can act on. */
public final class ValueChecks {

    static final Pattern IPV4 = Pattern.compile(
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

    public static ValueCheck pattern(String regex, String description) {
        Pattern p = Pattern.compile(regex);
        return v -> p.matcher(v).matches() ? Optional.empty() : Optional.of(description);
    }

    /** An http(s) URL that is also one safe word in an APT sources line and a curl argument. */
    public static ValueCheck httpUrl() {
        String rule = "must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces";
        return v -> {
            try {
                URI uri = new URI(v);
                boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                        && v.chars().noneMatch(c -> c <= 0x20 || c >= 0x7f || "'\"\\`$[]".indexOf(c) >= 0);
                return ok ? Optional.empty() : Optional.of(rule);
            } catch (Exception e) {
                return Optional.of(rule);
            }
        };
    }

    /** Empty, or what {@code check} allows: for labels whose empty value means "none". */
    public static ValueCheck emptyOr(ValueCheck check) {
        return v -> v.isEmpty() ? Optional.empty() : check.problem(v);
    }

    public static ValueCheck ipv4Cidr() {
        return v -> ipv4Network(v) ? Optional.empty()
                : Optional.of("must be an IPv4 network in CIDR notation, e.g. 10.0.0.0/24");
    }

    static boolean ipv4Network(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !IPV4.matcher(text.substring(0, slash)).matches()
                || !text.substring(slash + 1).matches("[0-9]{1,2}")) {
            return false;
        }
        int prefix = Integer.parseInt(text.substring(slash + 1));
        if (prefix > 32) {
            return false;
        }
        try {
            BigInteger address = new BigInteger(1, InetAddress.getByName(text.substring(0, slash)).getAddress());
            // Host bits must be zero: 10.0.0.5/24 is an address, not a network.
            return address.mod(BigInteger.ONE.shiftLeft(32 - prefix)).signum() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
