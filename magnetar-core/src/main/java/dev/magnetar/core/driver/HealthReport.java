package dev.magnetar.core.driver;

import dev.magnetar.core.model.HealthStatus;

import java.util.Map;

/**
 * What a monitor found.
 *
 * @param status     HEALTHY, UNHEALTHY, or UNKNOWN only when the cluster could not be reached
 * @param reason     each failing component or node and why (Magnum's {@code health_status_reason});
 *                   for UNKNOWN, why the cluster could not be reached
 * @param coeVersion the version the COE reports, or null
 * @param metrics    utilisation figures by name, e.g. {@code cpu_used}, {@code cpu_total},
 *                   {@code mem_used_mb}, {@code mem_total_mb}, {@code disk_used_mb},
 *                   {@code disk_total_mb}, {@code agents_active}, {@code agents_expected}
 */
public record HealthReport(dev.magnetar.core.model.HealthStatus status, Map<String, String> reason,
                           String coeVersion, Map<String, Double> metrics) {

    public HealthReport {
        reason = Map.copyOf(reason);
        metrics = Map.copyOf(metrics);
    }

    public static HealthReport unknown(String why) {
        return new HealthReport(HealthStatus.UNKNOWN, Map.of("cluster", why), null, Map.of());
    }
}
