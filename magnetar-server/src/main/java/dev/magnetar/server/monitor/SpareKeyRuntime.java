package dev.magnetar.server.monitor;

import dev.magnetar.core.monitor.MonitorAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Keeps spare key pairs for new clusters' monitoring accounts in the database, on one thread of
 * this process: every {@code every}, it makes spares until {@code target} are stored, unless a create
 * took one within {@code quiet} or there is other work ({@code idle} false; see
 * {@link MonitorAccounts#replenishSpares}). One thread, so making
 * keys never takes more than one core; replicas share the stored spares.
 */
public final class SpareKeyRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpareKeyRuntime.class);

    private final MonitorAccounts accounts;
    private final int target;
    private final Duration quiet;
    private final Duration every;
    private final BooleanSupplier idle;
    private volatile Thread thread;

    public SpareKeyRuntime(MonitorAccounts accounts, int target, Duration quiet, Duration every, BooleanSupplier idle) {
        this.idle = idle;
        this.accounts = accounts;
        this.target = target;
        this.quiet = quiet;
        this.every = every;
    }

    public void start() {
        if (target <= 0) {
            return;
        }
        Thread started = new Thread(this::loop, "magnetar-spare-keys");
        started.setDaemon(true);
        thread = started;
        started.start();
        LOG.info("Keeping {} spare monitoring key pairs", target);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int made = accounts.replenishSpares(target, quiet, idle);
                if (made > 0) {
                    LOG.info("Made {} spare monitoring key pairs", made);
                }
            } catch (RuntimeException e) {
                LOG.warn("Making spare monitoring key pairs failed: {}", e.toString());
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
