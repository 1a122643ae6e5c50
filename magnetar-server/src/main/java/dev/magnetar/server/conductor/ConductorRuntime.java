package dev.magnetar.server.conductor;

import dev.magnetar.core.conductor.OperationExecutor;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.conductor.WorkSignal;
import dev.magnetar.core.service.ConductorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one conductor replica in this process: worker threads draining the operation outbox, the
 * reconcile loop and the heartbeat on fixed intervals. Replicas in other processes share the same
 * database and need no coordination beyond it.
 *
 * <p>Two shortcuts serve this process's own work without waiting for an interval: an idle worker
 * waits on the {@link WorkSignal} that the API gives when it stores an operation (or at most the poll
 * interval, which is how operations stored by other replicas are found), and a cluster whose
 * operation was just carried out is reconciled at once on a thread of its own
 * ({@link #reconcileSoon}), so a stack that settled quickly shows in the API without waiting for the
 * reconcile loop's next pass. Both only advance work the durable outbox and the loop would do anyway.
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
    private final WorkSignal signal;
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<String> toReconcile = new LinkedBlockingQueue<>();
    private final Set<String> queuedForReconcile = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService periodic = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "magnetar-periodic");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    public ConductorRuntime(OperationExecutor executor, Reconciler reconciler, ConductorService conductors, String host,
                            int workers, Duration pollInterval, Duration reconcileInterval, Duration heartbeatInterval) {
        this(executor, reconciler, conductors, host, workers, pollInterval, reconcileInterval, heartbeatInterval,
                new WorkSignal());
    }

    /** @param signal given by whoever stores an operation in this process */
    public ConductorRuntime(OperationExecutor executor, Reconciler reconciler, ConductorService conductors, String host,
                            int workers, Duration pollInterval, Duration reconcileInterval, Duration heartbeatInterval,
                            WorkSignal signal) {
        this.signal = signal;
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
        Thread prompt = new Thread(this::reconcilePrompted, "magnetar-reconcile-soon");
        prompt.setDaemon(true);
        prompt.start();
        threads.add(prompt);
        periodic.scheduleWithFixedDelay(guarded("reconcile", reconciler::reconcileAll), 0,
                reconcileInterval.toMillis(), TimeUnit.MILLISECONDS);
        periodic.scheduleWithFixedDelay(guarded("heartbeat", () -> conductors.heartbeat(host)), 0,
                heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Conductor {} started: {} workers, reconcile every {} ms", host, workers, reconcileInterval.toMillis());
    }

    /**
     * Reconciles the cluster soon, on this replica's prompt-reconcile thread; a cluster already
     * waiting there is not queued twice.
     */
    public void reconcileSoon(String clusterUuid) {
        if (running && queuedForReconcile.add(clusterUuid)) {
            toReconcile.add(clusterUuid);
        }
    }

    private void drain(String owner) {
        while (running) {
            long seen = signal.generation();
            boolean worked;
            try {
                worked = executor.runNext(owner);
            } catch (RuntimeException e) {
                LOG.error("Worker {} failed to run an operation", owner, e);
                worked = false;
            }
            if (!worked) {
                try {
                    signal.awaitChange(seen, pollInterval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void reconcilePrompted() {
        while (running) {
            String clusterUuid;
            try {
                clusterUuid = toReconcile.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (clusterUuid == null) {
                continue;
            }
            queuedForReconcile.remove(clusterUuid);
            try {
                reconciler.reconcile(clusterUuid);
            } catch (RuntimeException e) {
                LOG.warn("Reconciling cluster {} after its operation failed: {}", clusterUuid, e.toString());
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
