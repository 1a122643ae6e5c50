package dev.magnetar.core.port;

import java.util.Objects;

/**
 * Where the monitor reaches a cluster's COE, or why it cannot.
 *
 * @param address     the base URL to poll (Admin Router for DC/OS), or null
 * @param unavailable why there is no address, when {@code address} is null
 */
public record MonitorTarget(String address, String unavailable) {

    public static MonitorTarget at(String address) {
        return new MonitorTarget(Objects.requireNonNull(address, "address"), null);
    }

    public static MonitorTarget none(String why) {
        return new MonitorTarget(null, Objects.requireNonNull(why, "why"));
    }

    public boolean reachable() {
        return address != null;
    }
}
