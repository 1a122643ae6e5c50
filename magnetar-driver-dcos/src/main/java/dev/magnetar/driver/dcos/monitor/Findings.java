package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.HealthStatus;

import java.util.Map;
import java.util.TreeMap;

/** What the checks of one poll found, gathered into a {@link HealthReport}. */
final class Findings {

    private final Map<String, String> failures = new TreeMap<>();
    private final Map<String, Double> metrics = new TreeMap<>();
    private String coeVersion;

    /** Names a failing component or node and why; a second reason for the same name is appended. */
    void fail(String component, String why) {
        failures.merge(component, why, (first, second) -> first + "; " + second);
    }

    void metric(String name, double value) {
        metrics.put(name, value);
    }

    void coeVersion(String version) {
        coeVersion = version == null || version.isBlank() ? null : version;
    }

    HealthReport report() {
        return new HealthReport(failures.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, failures,
                coeVersion, metrics);
    }
}
