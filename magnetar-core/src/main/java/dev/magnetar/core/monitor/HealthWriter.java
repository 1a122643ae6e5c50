package dev.magnetar.core.monitor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.port.CaPinRepository;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Stores what polls found, several polls to a transaction (group commit): a poll's thread queues its
 * update and, once it holds the writer's lock, writes everything queued by then in one transaction.
 * While one transaction commits, the polls finishing meanwhile queue up for the next, so a sweep that
 * finds 10,000 new healths commits a few hundred times rather than 10,000, and a single poll still
 * commits at once, alone.
 *
 * <p>Each update is stored on the cluster as its poll read it, with the optimistic version check, and
 * only its health fields: a status change made meanwhile is never overwritten, because it changed
 * the version. An update that loses the version check goes into a later transaction on a fresh read,
 * a few times at most; a cluster no longer monitored by then (deleted, being deleted) gets nothing.
 * A change of health is recorded as a {@code health_changed} event in the same transaction, with the
 * session the monitor kept. A transaction that fails is retried one update
 * to a transaction, so one cluster's failure costs no other cluster its health.
 */
final class HealthWriter {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWriter.class);
    static final int MAX_BATCH = 256;
    static final int WRITE_ATTEMPTS = 5;

    private final Database database;
    private final Clock clock;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    HealthWriter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What storing an update did. */
    enum Written {
        /** The cluster is no longer monitored: nothing stored. */
        SKIPPED,
        /** Stored, or nothing to store; the health status is what it was. */
        UNCHANGED,
        /** Stored, and the health status changed (an event records it). */
        HEALTH_CHANGED,
        /** The cluster kept changing under every attempt: stored at its next poll. */
        GAVE_UP
    }

    /**
     * Stores the update, with whatever other updates are queued, and returns when it is committed.
     *
     * @throws RuntimeException the database's failure, when the update cannot be stored even alone
     */
    Written write(HealthUpdate update) {
        Pending mine = new Pending(update);
        queue.add(mine);
        while (!mine.result.isDone()) {
            writing.lock();
            try {
                if (!mine.result.isDone()) {
                    writeQueued();
                }
            } finally {
                writing.unlock();
            }
        }
        try {
            return mine.result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Updates waiting for a transaction. */
    int queued() {
        return queue.size();
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Written> results;
        try {
            results = database.transaction(repos -> batch.stream().map(p -> apply(repos, p)).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result.completeExceptionally(e);
            } else {
                LOG.warn("Storing {} healths together failed ({}); storing them one at a time", batch.size(),
                        e.toString());
                batch.forEach(this::writeAlone);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            settle(batch.get(i), results.get(i));
        }
    }

    private void writeAlone(Pending pending) {
        try {
            settle(pending, database.transaction(repos -> apply(repos, pending)));
        } catch (RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    /** Completes a written update; one that lost the version check is queued again, if it may be. */
    private void settle(Pending pending, Written written) {
        if (written != null) {
            if (written == Written.HEALTH_CHANGED) {
                HealthUpdate update = pending.update;
                LOG.info("Cluster {} is {}: {}", update.clusterUuid(), update.report().status(), update.report().reason());
            }
            pending.result.complete(written);
        } else if (++pending.attempts < WRITE_ATTEMPTS) {
            queue.add(pending);
        } else {
            LOG.warn("Cluster {} kept changing; its health ({}) is stored at the next poll",
                    pending.update.clusterUuid(), pending.update.report().status());
            pending.result.complete(Written.GAVE_UP);
        }
    }

    /**
     * Applies one update in the given transaction: on the cluster as polled, as long as that is still
     * the stored version; after a lost version check, on a fresh read. Null when the version check
     * was lost.
     */
    private Written apply(Repositories repos, Pending pending) {
        HealthUpdate update = pending.update;
        Cluster before = pending.basis;
        if (before == null) {
            Optional<Cluster> current = repos.clusters().findByUuid(update.clusterUuid());
            if (current.isEmpty() || !current.get().status().isMonitored()) {
                return Written.SKIPPED;
            }
            before = current.get();
        }
        switch (update.session()) {
            case HealthUpdate.SessionChange.Keep keep ->
                    repos.monitorAccounts().keepSession(update.clusterUuid(), keep.session());
            case HealthUpdate.SessionChange.Forget forget -> repos.monitorAccounts().forgetSession(update.clusterUuid());
            case HealthUpdate.SessionChange.Unchanged unchanged -> {
            }
        }
        if (update.pinnedCa() != null && repos.caPins().pinIfAbsent(
                new CaPinRepository.CaPin(update.clusterUuid(), update.pinnedCa(), clock.instant()))) {
            LOG.info("Cluster {}: pinned the CA its COE endpoint served at first contact", update.clusterUuid());
        }
        Cluster after = update.appliedTo(before);
        if (after.equals(before)) {
            return Written.UNCHANGED;
        }
        if (!repos.clusters().updateHealth(after)) {
            pending.basis = null;
            return null;
        }
        if (before.observed().healthStatus() == after.observed().healthStatus()) {
            return Written.UNCHANGED;
        }
        repos.events().record(ClusterEvent.of(after, ClusterEventKind.HEALTH_CHANGED, ClusterEvent.MONITOR,
                healthReason(before.observed().healthStatus(), update), clock.instant()));
        return Written.HEALTH_CHANGED;
    }

    private static String healthReason(HealthStatus before, HealthUpdate update) {
        String reasons = update.report().reason().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .sorted()
                .collect(Collectors.joining("; "));
        return (before == null ? "first poll" : before.name()) + " -> " + update.report().status()
                + (reasons.isEmpty() ? "" : ": " + reasons);
    }

    private static final class Pending {
        final HealthUpdate update;
        final CompletableFuture<Written> result = new CompletableFuture<>();
        /** The row the update goes onto: the cluster as polled, until a version check is lost. */
        Cluster basis;
        int attempts;

        Pending(HealthUpdate update) {
            this.update = update;
            this.basis = update.polled();
        }
    }
}
