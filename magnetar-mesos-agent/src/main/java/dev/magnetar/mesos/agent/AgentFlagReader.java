package dev.magnetar.mesos.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads single agent flag values as Mesos 1.11 would, collecting every violation instead of
 * stopping at the first, so one 400 can list all a user has to fix. Each method takes the name to
 * report under: a driver passes its label's name (e.g. {@code mesos_slave_isolation}).
 */
public final class AgentFlagReader {

    private final IsolatorCatalog catalog;
    private final List<FlagViolation> violations = new ArrayList<>();

    public AgentFlagReader(IsolatorCatalog catalog) {
        this.catalog = catalog;
    }

    public List<FlagViolation> violations() {
        return List.copyOf(violations);
    }

    /** Isolators in current names (aliases rewritten); duplicates and unknown names are violations. */
    public List<String> isolation(String flag, String value) {
        IsolatorCatalog.IsolationList parsed = catalog.parse(flag, value);
        violations.addAll(parsed.violations());
        return parsed.isolators();
    }

    public Optional<Launcher> launcher(String flag, String value) {
        Optional<Launcher> launcher = Launcher.parse(value);
        if (launcher.isEmpty()) {
            violations.add(new FlagViolation(flag, value, "must be one of linux, posix"));
        }
        return launcher;
    }

    /** Case-insensitive, as Mesos reads them. */
    public List<ImageProvider> imageProviders(String flag, String value) {
        Set<ImageProvider> providers = new LinkedHashSet<>();
        for (String item : value.split(",", -1)) {
            Optional<ImageProvider> provider = ImageProvider.parse(item);
            if (provider.isEmpty()) {
                violations.add(new FlagViolation(flag, item,
                        "unknown image provider; allowed (case-insensitive): appc, docker"));
            } else if (!providers.add(provider.get())) {
                violations.add(new FlagViolation(flag, item, "image provider listed twice"));
            }
        }
        return List.copyOf(providers);
    }

    public List<Containerizer> containerizers(String flag, String value) {
        Set<Containerizer> containerizers = new LinkedHashSet<>();
        for (String item : value.split(",", -1)) {
            Optional<Containerizer> containerizer = Containerizer.parse(item);
            if (containerizer.isEmpty()) {
                violations.add(new FlagViolation(flag, item,
                        "unknown or unsupported containerizer; allowed: mesos, docker (comma list in priority order)"));
            } else if (!containerizers.add(containerizer.get())) {
                violations.add(new FlagViolation(flag, item, "containerizer listed twice; duplicates are an error"));
            }
        }
        return List.copyOf(containerizers);
    }

    public Optional<Map<String, String>> executorEnvironmentVariables(String flag, String value) {
        return ExecutorEnvironment.parse(flag, value, violations);
    }

    /**
     * A duration flag such as {@code executor_registration_timeout}, within {@code [min, max]} so a
     * typo like {@code 5weeks} for a timeout is caught too.
     */
    public Optional<java.time.Duration> duration(String flag, String value, java.time.Duration min,
                                                 java.time.Duration max) {
        Optional<java.time.Duration> duration = MesosDuration.parse(value);
        if (duration.isEmpty()) {
            return reject(flag, value, "must be " + MesosDuration.SYNTAX);
        }
        if (duration.get().compareTo(min) < 0 || duration.get().compareTo(max) > 0) {
            return reject(flag, value, "must be from " + readable(min) + " to " + readable(max));
        }
        return duration;
    }

    private static String readable(java.time.Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "mins" : d.toSeconds() + "secs";
    }

    /** An absolute, normalised path outside {@code /tmp} (which is cleared on reboot). */
    public Optional<String> workDir(String flag, String value) {
        if (value.isEmpty() || !value.startsWith("/")) {
            return reject(flag, value, "must be an absolute path, e.g. /var/lib/mesos/slave");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':' || c == ',')) {
            return reject(flag, value, "must not contain control characters, ':' or ','");
        }
        Path path = Path.of(value);
        if (!path.normalize().toString().equals(value.length() > 1 && value.endsWith("/")
                ? value.substring(0, value.length() - 1) : value)) {
            return reject(flag, value, "must be a normalised path (no '.', '..' or '//' segments)");
        }
        if (path.startsWith("/tmp")) {
            return reject(flag, value, "must not be under /tmp, which is cleared on reboot and loses the agent's state");
        }
        return Optional.of(path.normalize().toString());
    }

    private <T> Optional<T> reject(String flag, String value, String rule) {
        violations.add(new FlagViolation(flag, value, rule));
        return Optional.empty();
    }
}
