package dev.magnetar.mesos.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Mesos' {@code --containerizers} entries, listed in priority order on the flag. */
public enum Containerizer {
    MESOS, DOCKER;

    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Containerizer> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.flagValue().equals(value)).findFirst();
    }
}
