package dev.magnetar.mesos.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Mesos' {@code --image_providers} entries; Mesos matches them case-insensitively. */
public enum ImageProvider {
    APPC, DOCKER;

    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImageProvider> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value)).findFirst();
    }
}
