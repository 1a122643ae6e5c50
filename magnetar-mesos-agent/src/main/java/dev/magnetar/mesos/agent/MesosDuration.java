package dev.magnetar.mesos.agent;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mesos' duration syntax (stout's {@code duration.hpp}), used by flags such as
 * {@code --executor_registration_timeout}, {@code --gc_delay} and {@code --zk_session_timeout}: a
 * decimal number directly followed by one unit. {@code 1h}, {@code 5 mins} and a bare number are
 * all refused by Mesos at startup, so they are refused here before any node boots.
 */
public final class MesosDuration {

    /** What a rule message says is allowed. */
    public static final String SYNTAX = "a Mesos duration: a number directly followed by one of ns, us, ms, secs, "
            + "mins, hrs, days, weeks (e.g. 5mins; a bare number or '5m' is invalid)";

    private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|secs|mins|hrs|days|weeks)");
    private static final Map<String, Double> NANOS_PER_UNIT = Map.of("ns", 1d, "us", 1e3, "ms", 1e6, "secs", 1e9,
            "mins", 60e9, "hrs", 3600e9, "days", 86400e9, "weeks", 604800e9);

    private MesosDuration() {
    }

    /** The duration the text means, or empty when Mesos would refuse it. */
    public static Optional<Duration> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        double nanos = Double.parseDouble(m.group(1)) * NANOS_PER_UNIT.get(m.group(2));
        return nanos > Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos(Math.round(nanos)));
    }
}
