package dev.magnetar.server.metrics;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.port.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Figures read from the database when /metrics is scraped, so every replica reports the same
 * shared truth: the outbox's depth and the reconcile lag, the age of the oldest in-progress
 * cluster's last change (a stuck cluster shows here long before its timeout).
 */
public final class StateGauges {

    private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);
    private static final List<ClusterStatus> IN_PROGRESS = Arrays.stream(ClusterStatus.values())
            .filter(ClusterStatus::isInProgress).toList();

    private final Database database;
    private final Clock clock;

    private StateGauges(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public static void register(MeterRegistry registry, Database database, Clock clock) {
        StateGauges gauges = new StateGauges(database, clock);
        Gauge.builder("magnetar.operations.pending", gauges, StateGauges::pendingOperations)
                .description("Operations waiting in the outbox").strongReference(true).register(registry);
        Gauge.builder("magnetar.reconcile.lag", gauges, StateGauges::reconcileLagSeconds)
                .description("Seconds since the oldest in-progress cluster last changed; 0 when none is in progress")
                .baseUnit("seconds").strongReference(true).register(registry);
    }

    private double pendingOperations() {
        try {
            return database.transaction(repos -> repos.operations().countPending());
        } catch (RuntimeException e) {
            LOG.warn("Cannot count pending operations for /metrics: {}", e.toString());
            return Double.NaN;
        }
    }

    private double reconcileLagSeconds() {
        try {
            Instant now = clock.instant();
            return database.transaction(repos -> repos.clusters().findByStatus(IN_PROGRESS)).stream()
                    .map(StateGauges::lastChange)
                    .filter(Objects::nonNull)
                    .min(Instant::compareTo)
                    .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the reconcile lag for /metrics: {}", e.toString());
            return Double.NaN;
        }
    }

    private static Instant lastChange(Cluster cluster) {
        return cluster.updatedAt() != null ? cluster.updatedAt() : cluster.createdAt();
    }
}
