package dev.magnetar.mesos.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Mesos' {@code --launcher}: how the agent starts containers. Only the Linux launcher can use namespaces and cgroups. */
public enum Launcher {
    LINUX, POSIX;

    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact, lower-case names as Mesos accepts them. */
    public static Optional<Launcher> parse(String value) {
        return Arrays.stream(values()).filter(l -> l.flagValue().equals(value)).findFirst();
    }
}
