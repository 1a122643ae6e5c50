package dev.magnetar.server.metrics;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.model.OperationKind;
import dev.magnetar.core.port.ConductorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The conductor's and the monitor's figures in Micrometer: operations by kind and outcome, monitor
 * poll latency and failures, sweep duration, and per-cluster gauges labelled by cluster uuid,
 * project and COE. A cluster's gauges exist while this replica monitors it.
 */
public final class MicrometerConductorMetrics implements ConductorMetrics {

    private final MeterRegistry registry;
    private final Map<String, ClusterGauges> clusters = new ConcurrentHashMap<>();
    private final AtomicInteger lastSweepClusters = new AtomicInteger();

    public MicrometerConductorMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("magnetar.monitor.sweep.clusters", lastSweepClusters, AtomicInteger::get)
                .description("Clusters polled by this replica's last sweep").register(registry);
    }

    @Override
    public void operationFinished(OperationKind kind, OperationOutcome outcome) {
        Counter.builder("magnetar.operations")
                .description("Operation attempts by kind and how they ended")
                .tag("kind", lower(kind.name()))
                .tag("outcome", lower(outcome.name()))
                .register(registry)
                .increment();
    }

    @Override
    public void monitorPolled(String coe, Duration latency, boolean failed) {
        Timer.builder("magnetar.monitor.poll")
                .description("Monitor polls of a cluster's COE")
                .tag("coe", coe)
                .serviceLevelObjectives(Histograms.LATENCY)
                .register(registry)
                .record(latency);
        Counter failures = Counter.builder("magnetar.monitor.poll.failures")
                .description("Monitor polls that could not judge the cluster (unreachable or monitor error)")
                .tag("coe", coe)
                .register(registry);
        if (failed) {
            failures.increment();
        }
    }

    @Override
    public void clusterHealth(Cluster cluster, String coe, HealthReport report) {
        clusters.computeIfAbsent(cluster.uuid(), uuid -> new ClusterGauges(registry,
                        Tags.of("cluster_uuid", uuid, "project", String.valueOf(cluster.projectId()), "coe", coe)))
                .update(report);
    }

    @Override
    public void retainClusters(Set<String> clusterUuids) {
        clusters.keySet().removeIf(uuid -> {
            if (clusterUuids.contains(uuid)) {
                return false;
            }
            clusters.get(uuid).remove(registry);
            return true;
        });
    }

    @Override
    public void sweepFinished(Duration took, int polled) {
        Timer.builder("magnetar.monitor.sweep")
                .description("Sweeps over this replica's share of the clusters")
                .register(registry)
                .record(took);
        lastSweepClusters.set(polled);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** One cluster's latest figures, read by its gauges. */
    private static final class ClusterGauges {
        private volatile HealthReport report;
        private final List<Meter> meters = new ArrayList<>();

        ClusterGauges(MeterRegistry registry, Tags tags) {
            gauge(registry, "magnetar.cluster.health", "2 HEALTHY, 1 UNHEALTHY, 0 UNKNOWN", tags,
                    g -> g.report == null ? Double.NaN : health(g.report.status()));
            gauge(registry, "magnetar.cluster.cpu.utilisation", "CPUs allocated over CPUs offered, 0 to 1", tags,
                    g -> ratio(g.report, "cpu_used", "cpu_total"));
            gauge(registry, "magnetar.cluster.memory.utilisation", "Memory allocated over memory offered, 0 to 1",
                    tags, g -> ratio(g.report, "mem_used_mb", "mem_total_mb"));
            gauge(registry, "magnetar.cluster.agents.active", "Agents registered and active", tags,
                    g -> figure(g.report, "agents_active"));
            gauge(registry, "magnetar.cluster.agents.expected", "Agents the cluster was asked to have", tags,
                    g -> figure(g.report, "agents_expected"));
        }

        private void gauge(MeterRegistry registry, String name, String description, Tags tags,
                           ToDoubleFunction<ClusterGauges> value) {
            meters.add(Gauge.builder(name, this, value).description(description).tags(tags).register(registry));
        }

        void update(HealthReport latest) {
            report = latest;
        }

        void remove(MeterRegistry registry) {
            meters.forEach(registry::remove);
        }

        private static double health(HealthStatus status) {
            return switch (status) {
                case HEALTHY -> 2;
                case UNHEALTHY -> 1;
                case UNKNOWN -> 0;
            };
        }

        private static double figure(HealthReport report, String name) {
            Double value = report == null ? null : report.metrics().get(name);
            return value == null ? Double.NaN : value;
        }

        private static double ratio(HealthReport report, String used, String total) {
            double t = figure(report, total);
            return t > 0 ? figure(report, used) / t : Double.NaN;
        }
    }
}
