package dev.magnetar.server.wiring;

import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.monitor.HealthMonitor;
import dev.magnetar.core.monitor.MonitorAccounts;
import dev.magnetar.core.monitor.MonitorSettings;
import dev.magnetar.core.monitor.Pacer;
import dev.magnetar.core.monitor.ReplicaShare;
import dev.magnetar.core.port.Backend;
import dev.magnetar.core.port.ConductorMetrics;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.service.ConductorService;
import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.metrics.MicrometerConductorMetrics;
import dev.magnetar.server.metrics.StateGauges;
import dev.magnetar.server.monitor.MonitorRuntime;
import dev.magnetar.server.monitor.ServiceSecretKey;
import dev.magnetar.server.monitor.SpareKeyRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything that watches clusters and the service itself, assembled once per process: the
 * monitoring accounts' secret key, the health monitor and its runtime, the metrics registry with
 * registry that the API's {@code /metrics} route shows and its HTTP timing feeds.
 */
public final class Monitoring implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final MicrometerConductorMetrics metrics;
    private final MonitorAccounts accounts;
    private final MonitorRuntime runtime;
    private final SpareKeyRuntime spareKeys;

    private Monitoring(PrometheusMeterRegistry registry, MicrometerConductorMetrics metrics, MonitorAccounts accounts,
                       MonitorRuntime runtime, SpareKeyRuntime spareKeys) {
        this.registry = registry;
        this.metrics = metrics;
        this.accounts = accounts;
        this.runtime = runtime;
        this.spareKeys = spareKeys;
    }

    /**
     * @param host this conductor replica's name, as it heartbeats
     */
    public static Monitoring create(Config config, Database database, DriverRegistry drivers, Backend backend,
                                    ConductorService conductors, String host, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        StateGauges.register(registry, database, clock);
        MicrometerConductorMetrics metrics = new MicrometerConductorMetrics(registry);
        MonitorAccounts accounts = new MonitorAccounts(database, ServiceSecretKey.load(config), clock);
        MonitorSettings settings = MonitorSettings.of(config.getSeconds(Option.MONITOR_INTERVAL),
                config.getInt(Option.MONITOR_CONCURRENCY), config.getMillis(Option.MONITOR_REQUEST_TIMEOUT));
        HealthMonitor monitor = new HealthMonitor(database, drivers, accounts, backend.monitorTargets(),
                new ReplicaShare(host, conductors::liveHosts), settings, metrics, clock, Pacer.sleeping(clock));
        Gauge.builder("magnetar.monitor.spare.keys", accounts, MonitorAccounts::spares)
                .description("Key pairs made ahead of time for new clusters' monitoring accounts")
                .strongReference(true).register(registry);
        // Spares are made once no create has taken one for 10 s and the outbox is empty, so neither a burst
        // of creates nor the operations that follow it compete with them.
        SpareKeyRuntime spareKeys = new SpareKeyRuntime(accounts, config.getInt(Option.MONITOR_SPARE_KEYS),
                Duration.ofSeconds(10), Duration.ofSeconds(2),
                () -> database.transaction(repos -> repos.operations().countPending()) == 0);
        return new Monitoring(registry, metrics, accounts, new MonitorRuntime(monitor), spareKeys);
    }

    /** What the API times its requests into and shows at {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public ConductorMetrics metrics() {
        return metrics;
    }

    public MonitorAccounts accounts() {
        return accounts;
    }

    /** Tells the monitor a cluster just settled, so its health is read at once. */
    public void clusterSettled(String clusterUuid) {
        runtime.pollSoon(clusterUuid);
    }

    public void start() {
        runtime.start();
        spareKeys.start();
    }

    @Override
    public void close() {
        spareKeys.close();
        runtime.close();
        registry.close();
    }
}
