package dev.magnetar.mesos.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ObjDoubleConsumer;

/**
 * What the leading Mesos master's {@code /metrics/snapshot} says about the whole cluster, the same
 * under DC/OS as on plain Mesos: is the replicated log recovered, how much of the cluster is in
 * use, and do as many agents take part as the cluster should have. A non-leading master knows no
 * agents, so this reads the leader's snapshot only.
 */
public final class LeadingMasterGauges {

    /** Resource gauges and the metric names a health report gives them. */
    private static final Map<String, String> RESOURCE_METRICS = orderedMetrics();

    private LeadingMasterGauges() {
    }

    /**
     * Reports each failing part ({@code mesos_registrar}, {@code mesos_agents}) with the reason, and
     * each gauge present as a metric ({@code cpu_used} ... {@code disk_total_mb}, {@code agents_active}).
     *
     * @param snapshot       the leader's {@code /metrics/snapshot}
     * @param expectedAgents how many agents the cluster should have
     */
    public static void read(JsonNode snapshot, int expectedAgents, BiConsumer<String, String> failure,
                            ObjDoubleConsumer<String> metric) {
        JsonNode recovered = snapshot.get("registrar/log/recovered");
        if (recovered != null && recovered.asDouble() != 1.0) {
            failure.accept("mesos_registrar", "replicated log not recovered (registrar/log/recovered is "
                    + recovered.asText() + ")");
        }
        RESOURCE_METRICS.forEach((gauge, name) -> {
            if (snapshot.path(gauge).isNumber()) {
                metric.accept(name, snapshot.get(gauge).asDouble());
            }
        });
        JsonNode active = snapshot.get("master/slaves_active");
        if (active == null || !active.isNumber()) {
            failure.accept("mesos_agents", "metrics snapshot has no master/slaves_active gauge");
            return;
        }
        metric.accept("agents_active", active.asDouble());
        long count = Math.round(active.asDouble());
        if (count < expectedAgents) {
            failure.accept("mesos_agents", count + " of " + expectedAgents + " agents active");
        } else if (count > expectedAgents) {
            failure.accept("mesos_agents", count + " agents active where " + expectedAgents + " are expected");
        }
    }

    private static Map<String, String> orderedMetrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("master/cpus_used", "cpu_used");
        metrics.put("master/cpus_total", "cpu_total");
        metrics.put("master/mem_used", "mem_used_mb");
        metrics.put("master/mem_total", "mem_total_mb");
        metrics.put("master/disk_used", "disk_used_mb");
        metrics.put("master/disk_total", "disk_total_mb");
        return Collections.unmodifiableMap(metrics);
    }
}
