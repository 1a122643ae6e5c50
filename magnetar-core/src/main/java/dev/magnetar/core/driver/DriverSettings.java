package dev.magnetar.core.driver;

import java.util.Map;

/** A driver's section of the service configuration ({@code [driver.<name>]}), as strings. */
public record DriverSettings(Map<String, String> values) {

    public static final DriverSettings EMPTY = new DriverSettings(Map.of());

    public DriverSettings {
        values = Map.copyOf(values);
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
