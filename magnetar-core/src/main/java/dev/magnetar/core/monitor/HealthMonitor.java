package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.monitor.HealthUpdate.SessionChange;
import dev.magnetar.core.port.CaPinRepository;
import dev.magnetar.core.port.ConductorMetrics;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.MonitorAccountRepository.SealedAccount;
import dev.magnetar.core.port.MonitorTarget;
import dev.magnetar.core.port.MonitorTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Polls every settled cluster's COE through its driver's {@link ClusterMonitor} and stores what it
 * finds as the cluster's {@code health_status}, {@code health_status_reason} and {@code coe_version}.
 *
 * <p>A sweep reads the monitored clusters once, keeps those of this replica's {@link ReplicaShare},
 * and starts each poll at the cluster's own offset in the spread window, so load is even over time
 * and across replicas. Polls run on virtual threads, at most {@code concurrency} at once, each
 * bounded by the request timeout: an unreachable cluster holds one slot for that long and delays no
 * other. Each cluster is read again just before its turn, so one deleted or being deleted meanwhile
 * is not polled.
 *
 * <p>A cluster with a monitoring account is polled with its opened credentials and the session (login
 * token) an earlier poll kept, so a restart or another replica does not log in again. A report that
 * changes nothing on the cluster as read writes nothing; the others are stored by a
 * {@link HealthWriter}, many polls to a transaction, touching only the health fields (a status change
 * made meanwhile is never overwritten) and recording a change of health as a {@code health_changed}
 * event with it.
 */
public final class HealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    private static final Set<ClusterStatus> MONITORED = EnumSet.copyOf(
            java.util.Arrays.stream(ClusterStatus.values()).filter(ClusterStatus::isMonitored).toList());

    private final Database database;
    private final DriverRegistry drivers;
    private final MonitorAccounts accounts;
    private final MonitorTargets targets;
    private final ReplicaShare share;
    private final MonitorSettings settings;
    private final Semaphore promptSlots;
    private final ConductorMetrics metrics;
    private final Clock clock;
    private final Pacer pacer;
    private final HealthWriter writer;

    public HealthMonitor(Database database, DriverRegistry drivers, MonitorAccounts accounts, MonitorTargets targets,
                         ReplicaShare share, MonitorSettings settings, ConductorMetrics metrics, Clock clock,
                         Pacer pacer) {
        this.database = database;
        this.drivers = drivers;
        this.accounts = accounts;
        this.targets = targets;
        this.share = share;
        this.settings = settings;
        this.promptSlots = new Semaphore(settings.concurrency());
        this.metrics = metrics;
        this.clock = clock;
        this.pacer = pacer;
        this.writer = new HealthWriter(database, clock);
    }

    public MonitorSettings settings() {
        return settings;
    }

    /**
     * One sweep starting now: returns when every poll it started has finished, or early, with the
     * polls started so far finished, when the calling thread is interrupted.
     */
    public SweepResult sweep() {
        Instant start = clock.instant();
        List<Cluster> monitored = database.transaction(repos -> repos.clusters().findByStatus(MONITORED));
        targets.retain(monitored.stream().map(Cluster::uuid).collect(Collectors.toSet()));
        Set<String> replicas = share.replicas();
        Map<String, Optional<Watched>> byTemplate = new HashMap<>();
        List<Turn> turns = new ArrayList<>();
        for (Cluster cluster : monitored) {
            if (!share.owns(replicas, cluster.uuid())) {
                continue;
            }
            byTemplate.computeIfAbsent(cluster.spec().clusterTemplateId(), this::watched)
                    .ifPresent(w -> turns.add(new Turn(cluster.uuid(), w, start.plus(settings.offsetOf(cluster.uuid())))));
        }
        turns.sort(Comparator.comparing(Turn::due));
        metrics.retainClusters(turns.stream().map(Turn::clusterUuid).collect(Collectors.toSet()));

        Tally tally = new Tally();
        Semaphore slots = new Semaphore(settings.concurrency());
        try (ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Turn turn : turns) {
                try {
                    pacer.sleepUntil(turn.due());
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                polls.execute(() -> {
                    try {
                        pollAndStore(turn.clusterUuid(), turn.watched()).ifPresent(tally::count);
                    } catch (RuntimeException e) {
                        LOG.error("Monitoring cluster {} failed", turn.clusterUuid(), e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        Duration took = Duration.between(start, clock.instant());
        metrics.sweepFinished(took, tally.polled.get());
        SweepResult result = new SweepResult(turns.size(), tally.polled.get(), tally.unknown.get(),
                tally.changed.get(), took);
        LOG.debug("Monitor sweep: {}", result);
        return result;
    }

    /**
     * Polls one cluster now, whatever replica owns it (a cluster that just settled should not wait
     * for its turn), and stores the outcome. Empty when it is not monitored or not monitorable. At
     * most {@code concurrency} such polls run at once (a thousand clusters settling together queue
     * here rather than all reading the database and their COEs at the same moment); a caller waits
     * for a slot.
     */
    public Optional<HealthStatus> pollNow(String clusterUuid) {
        try {
            promptSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            Optional<Cluster> cluster = database.transaction(repos -> repos.clusters().findByUuid(clusterUuid));
            return cluster.flatMap(c -> watched(c.spec().clusterTemplateId()))
                    .flatMap(w -> pollAndStore(clusterUuid, w))
                    .map(Outcome::status);
        } finally {
            promptSlots.release();
        }
    }

    private Optional<Outcome> pollAndStore(String clusterUuid, Watched watched) {
        Optional<Subject> read = database.transaction(repos -> repos.clusters().findByUuid(clusterUuid)
                .filter(c -> c.status().isMonitored())
                .map(c -> new Subject(c, watched.driver().wantsMonitorAccount(watched.template(), c)
                        ? repos.monitorAccounts().find(clusterUuid) : Optional.empty(),
                        repos.caPins().find(clusterUuid).map(CaPinRepository.CaPin::certificatePem))));
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Subject subject = read.get();
        long began = System.nanoTime();
        HealthUpdate update = poll(subject, watched);
        HealthReport report = update.report();
        metrics.monitorPolled(watched.template().coe(), Duration.ofNanos(System.nanoTime() - began),
                report.status() == HealthStatus.UNKNOWN);
        boolean changed = !update.changesNothing()
                && writer.write(update) == HealthWriter.Written.HEALTH_CHANGED;
        metrics.clusterHealth(subject.cluster(), watched.template().coe(), report);
        return Optional.of(new Outcome(report.status(), changed));
    }

    private HealthUpdate poll(Subject subject, Watched watched) {
        Cluster cluster = subject.cluster();
        try {
            Optional<MonitorAccounts.Opened> account = subject.account().map(accounts::open);
            PollSession session = new PollSession(account.flatMap(MonitorAccounts.Opened::session),
                    subject.pinnedCa());
            MonitorTarget target = targets.targetOf(watched.template(), cluster,
                    account.map(MonitorAccounts.Opened::account));
            if (!target.reachable()) {
                return new HealthUpdate(cluster, HealthReport.unknown(target.unavailable()), SessionChange.NONE);
            }
            HealthReport report = watched.monitor().poll(watched.template(),
                    cluster.toBuilder().apiAddress(target.address()).build(),
                    new MonitorContext(settings.requestTimeout(),
                            account.map(MonitorAccounts.Opened::credentials).orElse(Map.of()), session));
            return new HealthUpdate(cluster, report, account.isPresent() ? changeOf(cluster, session)
                    : SessionChange.NONE, session.newlyPinned().orElse(null));
        } catch (RuntimeException e) {
            LOG.error("The {} monitor failed on cluster {}", watched.driver().descriptor().name(), cluster.uuid(), e);
            return new HealthUpdate(cluster, HealthReport.unknown("the monitor failed: "
                    + e.getClass().getSimpleName()), SessionChange.NONE);
        }
    }

    private SessionChange changeOf(Cluster cluster, PollSession session) {
        if (!session.changed()) {
            return SessionChange.NONE;
        }
        return session.token().map(token -> SessionChange.keep(accounts.seal(cluster.uuid(), token)))
                .orElse(SessionChange.FORGET);
    }

    /** The template's driver and its monitor, if the driver has one. */
    private Optional<Watched> watched(String templateUuid) {
        Optional<ClusterTemplate> template = database.transaction(repos -> repos.templates().findByUuid(templateUuid));
        return template.flatMap(t -> drivers.find(new DriverKey(t.serverType(), t.clusterDistro(), t.coe()))
                .flatMap(driver -> driver.monitor().map(monitor -> new Watched(t, driver, monitor))));
    }

    private record Watched(ClusterTemplate template, ClusterDriver driver, ClusterMonitor monitor) {
    }

    /**
     * A cluster read just before its poll, with its monitoring account when its driver wants one and
     * the CA pinned for it, if any.
     */
    private record Subject(Cluster cluster, Optional<SealedAccount> account, Optional<String> pinnedCa) {
    }

    private record Turn(String clusterUuid, Watched watched, Instant due) {
    }

    private record Outcome(HealthStatus status, boolean changed) {
    }

    private static final class Tally {
        final AtomicInteger polled = new AtomicInteger();
        final AtomicInteger unknown = new AtomicInteger();
        final AtomicInteger changed = new AtomicInteger();

        void count(Outcome outcome) {
            polled.incrementAndGet();
            if (outcome.status() == HealthStatus.UNKNOWN) {
                unknown.incrementAndGet();
            }
            if (outcome.changed()) {
                changed.incrementAndGet();
            }
        }
    }

    @Override
    public String toString() {
        return "HealthMonitor[" + share.self() + ", every " + settings.interval() + "]";
    }
}
