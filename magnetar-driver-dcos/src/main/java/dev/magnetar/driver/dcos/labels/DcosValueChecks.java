package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.ValueCheck;
import dev.magnetar.driver.kit.labels.ValueChecks;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules only DC/OS's labels have; the ones every driver shares are in {@link ValueChecks}.
 * Each answers the broken rule in words a user can act on.
 */
public final class DcosValueChecks {

    private DcosValueChecks() {
    }

    /** Printable text on one line: what a secret or free-form name may hold. */
    public static ValueCheck printable(int maxLength) {
        return v -> !v.isEmpty() && v.length() <= maxLength && v.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                ? Optional.empty()
                : Optional.of("must be 1 to " + maxLength + " printable characters on one line");
    }

    public static ValueCheck absolutePath() {
        return ValueChecks.pattern("/[A-Za-z0-9._/-]*",
                "must be an absolute path of letters, digits, '.', '_', '-' and '/'");
    }

    public static ValueCheck httpUrl() {
        return v -> {
            try {
                URI uri = new URI(v);
                boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                        && v.chars().noneMatch(c -> c <= 0x20 || c == '\'' || c == '"' || c == '\\' || c == '`'
                        || c == '$');
                return ok ? Optional.empty() : Optional.of(
                        "must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces");
            } catch (Exception e) {
                return Optional.of("must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces");
            }
        };
    }

    public static ValueCheck ipv4Cidr() {
        return v -> Cidr.parseIpv4(v).isPresent() ? Optional.empty()
                : Optional.of("must be an IPv4 network in CIDR notation, e.g. 10.0.0.0/24");
    }

    /** resolv.conf's limits, which DC/OS's gen enforces on {@code dns_search}. */
    public static ValueCheck dnsSearch() {
        Pattern domain = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
        return v -> {
            String[] domains = v.split(" ", -1);
            if (v.isEmpty() || v.length() >= 256 || domains.length > 6
                    || Arrays.stream(domains).anyMatch(d -> !domain.matcher(d).matches())) {
                return Optional.of("must be 1 to 6 domain names separated by single spaces, under 256 characters, "
                        + "no commas or newlines (resolv.conf search limits)");
            }
            return Optional.empty();
        };
    }
}
