package dev.magnetar.server.conductor;

import dev.magnetar.core.conductor.OperationExecutor;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.service.ConductorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one conductor replica in this process: worker threads draining the operation outbox, the
 * reconcile loop and the heartbeat on fixed intervals. Replicas in other processes share the same
 * database and need no coordination beyond it.
 */
public final class ConductorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConductorRuntime.class);

    private final OperationExecutor executor;
    private final Reconciler reconciler;
    private final ConductorService conductors;
    private final String host;
    private final int workers;
    private final Duration pollInterval;
    private final Duration reconcileInterval;
    private final Duration heartbeatInterval;
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService periodic = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "magnetar-periodic");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    public ConductorRuntime(OperationExecutor executor, Reconciler reconciler, ConductorService conductors, String host,
                            int workers, Duration pollInterval, Duration reconcileInterval, Duration heartbeatInterval) {
        this.executor = executor;
        this.reconciler = reconciler;
        this.conductors = conductors;
        this.host = host;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.reconcileInterval = reconcileInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    public void start() {
        if (workers == 0) {
            return;
        }
        running = true;
        String pid = Long.toString(ProcessHandle.current().pid());
        for (int i = 0; i < workers; i++) {
            String owner = host + ":" + pid + ":" + i;
            Thread thread = new Thread(() -> drain(owner), "magnetar-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        periodic.scheduleWithFixedDelay(guarded("reconcile", reconciler::reconcileAll), 0,
                reconcileInterval.toMillis(), TimeUnit.MILLISECONDS);
        periodic.scheduleWithFixedDelay(guarded("heartbeat", () -> conductors.heartbeat(host)), 0,
                heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Conductor {} started: {} workers, reconcile every {} ms", host, workers, reconcileInterval.toMillis());
    }

    private void drain(String owner) {
        while (running) {
            boolean worked;
            try {
                worked = executor.runNext(owner);
            } catch (RuntimeException e) {
                LOG.error("Worker {} failed to run an operation", owner, e);
                worked = false;
            }
            if (!worked) {
                sleep(pollInterval);
            }
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Periodic {} failed", what, e);
            }
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        periodic.shutdownNow();
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
