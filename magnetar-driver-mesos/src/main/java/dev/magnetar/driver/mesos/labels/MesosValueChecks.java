package dev.magnetar.driver.mesos.labels;

import dev.magnetar.driver.kit.labels.ValueCheck;
import dev.magnetar.driver.kit.labels.ValueChecks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The value rules only the Mesos driver's labels have; the ones every driver shares are in
 * {@link ValueChecks}. Each answers the broken rule in words a user can act on.
 */
public final class MesosValueChecks {

    private MesosValueChecks() {
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

    public static ValueCheck ipv4Cidr() {
        return v -> ipv4Network(v) ? Optional.empty()
                : Optional.of("must be an IPv4 network in CIDR notation, e.g. 10.0.0.0/24");
    }

    static boolean ipv4Network(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !ValueChecks.IPV4.matcher(text.substring(0, slash)).matches()
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
