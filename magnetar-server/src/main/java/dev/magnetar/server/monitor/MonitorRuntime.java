package dev.magnetar.server.monitor;

import dev.magnetar.core.monitor.HealthMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the health monitor in this process: one sweep per interval on its own thread (a sweep that
 * overruns delays the next, never overlaps it), and a prompt poll of each cluster that just settled.
 */
public final class MonitorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRuntime.class);

    private final HealthMonitor monitor;
    private final Duration interval;
    private final ExecutorService prompt = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Thread sweeper;

    public MonitorRuntime(HealthMonitor monitor) {
        this.monitor = monitor;
        this.interval = monitor.settings().interval();
    }

    public void start() {
        Thread thread = new Thread(this::loop, "magnetar-monitor");
        thread.setDaemon(true);
        sweeper = thread;
        thread.start();
        LOG.info("Monitor started: every {}, {} polls at once, {} per request", interval,
                monitor.settings().concurrency(), monitor.settings().requestTimeout());
    }

    /** Polls a cluster that just settled, without waiting for its turn in the sweep. */
    public void pollSoon(String clusterUuid) {
        if (sweeper == null) {
            return;
        }
        try {
            prompt.execute(() -> {
                try {
                    monitor.pollNow(clusterUuid);
                } catch (RuntimeException e) {
                    LOG.error("Polling cluster {} after it settled failed", clusterUuid, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Not polling {}: the monitor is stopping", clusterUuid);
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            try {
                monitor.sweep();
            } catch (RuntimeException e) {
                LOG.error("Monitor sweep failed", e);
            }
            long left = interval.toNanos() - (System.nanoTime() - started);
            try {
                Thread.sleep(Duration.ofNanos(Math.max(left, 0)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        Thread thread = sweeper;
        sweeper = null;
        prompt.shutdownNow();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
