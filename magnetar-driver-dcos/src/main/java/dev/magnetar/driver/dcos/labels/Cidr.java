package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.ValueChecks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Optional;

/** An IP network, enough to check DC/OS's "is a CIDR" and "does not overlap" rules. */
public record Cidr(BigInteger first, BigInteger last, boolean ipv6) {

    public static Optional<Cidr> parseIpv4(String text) {
        return parse(text).filter(c -> !c.ipv6());
    }

    public static Optional<Cidr> parseIpv6(String text) {
        return parse(text).filter(Cidr::ipv6);
    }

    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String address = text.substring(0, slash);
        boolean v6 = address.contains(":");
        if (!v6 && !ValueChecks.IPV4.matcher(address).matches()
                || v6 && !address.matches("[0-9A-Fa-f:]+")) {
            return Optional.empty();
        }
        try {
            int bits = v6 ? 128 : 32;
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            BigInteger value = new BigInteger(1, InetAddress.getByName(address).getAddress());
            BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
            BigInteger first = value.subtract(value.mod(size));
            return Optional.of(new Cidr(first, first.add(size).subtract(BigInteger.ONE), v6));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public boolean overlaps(Cidr other) {
        return ipv6 == other.ipv6 && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }
}
