package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.HealthStatus;

import java.util.Map;
import java.util.TreeMap;

/** What the checks of one poll found, gathered into a {@link HealthReport}. */
final class Findings {

    private final Map<String, String> failures = new TreeMap<>();
    private final Map<String, String> notes = new TreeMap<>();
    private final Map<String, Double> metrics = new TreeMap<>();
    private String coeVersion;

    /** Names a failing component or node and why; a second reason for the same name is appended. */
    void fail(String component, String why) {
        failures.merge(component, why, (first, second) -> first + "; " + second);
    }

    /**
     * Names something a user would hit that does not make DC/OS itself unhealthy (a package repository
     * that does not answer): it appears in the reason, under its own key, without changing the status.
     */
    void note(String key, String why) {
        notes.merge(key, why, (first, second) -> first + "; " + second);
    }

    void metric(String name, double value) {
        metrics.put(name, value);
    }

    void coeVersion(String version) {
        coeVersion = version == null || version.isBlank() ? null : version;
    }

    HealthReport report() {
        Map<String, String> reason = new TreeMap<>(notes);
        reason.putAll(failures);
        return new HealthReport(failures.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, reason,
                coeVersion, metrics);
    }
}
