package dev.magnetar.core.conductor;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.NodeStep;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.status.ClusterLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The reconcile loop: derives every in-progress cluster's status, reason, addresses and faults from
 * its stack. It reads the world, decides with {@link ReconcileDecision#decide}, and writes with an
 * optimistic update, so any number of replicas may run it at once and running it twice is harmless.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int FAULT_DEPTH = 2;
    /** How many of a cluster's latest events are read to tell a node step already recorded. */
    private static final int NODE_STEP_HISTORY = 500;

    private final Database database;
    private final Orchestrator orchestrator;
    private final DriverRegistry drivers;
    private final ClusterCredentials credentials;
    private final Clock clock;
    private final Consumer<String> settledListener;
    private final Consumer<String> stackSettled;

    public Reconciler(Database database, Orchestrator orchestrator, DriverRegistry drivers,
                      ClusterCredentials credentials, Clock clock) {
        this(database, orchestrator, drivers, credentials, clock, uuid -> { });
    }

    /**
     * @param settledListener told the uuid of each cluster that settled into a monitored status, so
     *                        its health need not wait for the monitor's next sweep
     */
    public Reconciler(Database database, Orchestrator orchestrator, DriverRegistry drivers,
                      ClusterCredentials credentials, Clock clock, Consumer<String> settledListener) {
        this(database, orchestrator, drivers, credentials, clock, settledListener, uuid -> { });
    }

    /**
     * @param stackSettled told the uuid of a cluster whose stack the orchestrator says has settled
     *                     ({@link Orchestrator#whenSettled}), after one reconcile found it still in
     *                     progress: reconciling it then shows its status without waiting for the
     *                     loop's next pass
     */
    public Reconciler(Database database, Orchestrator orchestrator, DriverRegistry drivers,
                      ClusterCredentials credentials, Clock clock, Consumer<String> settledListener,
                      Consumer<String> stackSettled) {
        this.stackSettled = stackSettled;
        this.database = database;
        this.orchestrator = orchestrator;
        this.drivers = drivers;
        this.credentials = credentials;
        this.clock = clock;
        this.settledListener = settledListener;
    }

    /**
     * Reconciles every cluster whose status is in progress; returns how many changed. A cluster whose
     * stack is still in progress (and that is not updating, whose node steps are recorded as they come)
     * costs the pass only the orchestrator's answer, no transaction of its own, so a pass over a thousand
     * clusters being created stays short and a stack that settled is seen within about one interval.
     */
    public int reconcileAll() {
        List<Cluster> unsettled = database.transaction(repos -> repos.clusters()
                .findByStatus(ClusterLifecycle.awaitingStack()));
        // A cluster with a pending operation is left to it (reconcile() would find that out with two
        // reads of its own): read once for all, so a burst of queued creates costs a pass nothing.
        Set<String> awaitingOperation = unsettled.isEmpty() ? Set.of()
                : database.transaction(repos -> repos.operations().clustersWithPending());
        int changed = 0;
        for (Cluster cluster : unsettled) {
            if (awaitingOperation.contains(cluster.uuid())) {
                continue;
            }
            try {
                Optional<Stack> stack = null;
                if (cluster.status() != ClusterStatus.UPDATE_IN_PROGRESS) {
                    stack = orchestrator.find(StackNames.of(cluster), credentials.of(cluster));
                    if (ReconcileDecision.decide(cluster, stack, false, clock.instant()) instanceof ReconcileDecision.Wait) {
                        continue;
                    }
                }
                if (reconcile(cluster.uuid(), stack)) {
                    changed++;
                }
            } catch (OrchestratorException e) {
                LOG.warn("Could not reconcile cluster {}: {}", cluster.uuid(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Reconciling cluster {} failed", cluster.uuid(), e);
            }
        }
        return changed;
    }

    /** What reconciling a cluster reads of the database, in one transaction. */
    private record Read(Cluster cluster, boolean pending, ClusterTemplate template) {
    }

    /** Reconciles one cluster from a fresh read; returns true when it changed or was removed. */
    public boolean reconcile(String clusterUuid) {
        return reconcile(clusterUuid, null);
    }

    /** @param seen the cluster's stack as just found by the caller, or null to find it here */
    private boolean reconcile(String clusterUuid, Optional<Stack> seen) {
        Optional<Read> found = database.transaction(repos -> repos.clusters().findByUuid(clusterUuid).map(c ->
                new Read(c, !repos.operations().pendingFor(clusterUuid).isEmpty(),
                        c.status().isInProgress() ? repos.templates().findByUuid(c.spec().clusterTemplateId()).orElse(null)
                                : null)));
        if (found.isEmpty()) {
            return false;
        }
        Cluster cluster = found.get().cluster();
        if (found.get().pending() || !cluster.status().isInProgress()) {
            return false;
        }
        ClusterTemplate template = found.get().template();
        StackCredential credential = credentials.of(cluster);
        Optional<Stack> stack = seen != null ? seen : orchestrator.find(StackNames.of(cluster), credential);
        List<NodeStep> steps = cluster.status() == ClusterStatus.UPDATE_IN_PROGRESS && stack.isPresent()
                ? recordNodeSteps(cluster, template, stack.get(), credential) : List.of();
        ReconcileDecision decision = ReconcileDecision.decide(cluster, stack, false, clock.instant());
        return switch (decision) {
            case ReconcileDecision.Wait wait -> {
                stack.filter(s -> s.status().isInProgress()).ifPresent(s ->
                        orchestrator.whenSettled(s.name(), s.id(), () -> stackSettled.accept(clusterUuid)));
                yield false;
            }
            case ReconcileDecision.Remove remove -> remove(cluster);
            case ReconcileDecision.TimedOut timedOut -> {
                String reason = timedOut.reason() + stillInProgress(stack.orElseThrow(), credential);
                yield save(cluster.status(), cluster.toBuilder().status(timedOut.status()).statusReason(reason)
                        .nodeGroupStates(NodeGroups.settled(cluster, timedOut.status(), reason, Map.of()))
                        .build());
            }
            case ReconcileDecision.Settle settle -> save(cluster.status(),
                    settled(cluster, template, stack, namingFailedNode(settle, steps), credential),
                    stack.map(Stack::settledAt).orElse(null));
        };
    }

    /**
     * Records, once each, the nodes' steps of the stack update under way (the driver reads them from the
     * stack's resources), and returns them all. A step counts as recorded when an event with its
     * message follows the request that started this update.
     */
    private List<NodeStep> recordNodeSteps(Cluster cluster, ClusterTemplate template, Stack stack,
                                           StackCredential credential) {
        if (template == null) {
            return List.of();
        }
        ClusterDriver driver = driverOf(template);
        List<NodeStep> steps = driver.nodeSteps(template, cluster,
                orchestrator.resources(stack.name(), stack.id(), FAULT_DEPTH, credential));
        if (steps.isEmpty()) {
            return steps;
        }
        database.transact(repos -> {
            Set<String> recorded = new java.util.HashSet<>();
            for (ClusterEvent event : repos.events().listFor(cluster.uuid(), NODE_STEP_HISTORY)) {
                if (event.kind() == ClusterEventKind.UPGRADE_REQUESTED || event.kind() == ClusterEventKind.SCALED) {
                    recorded.clear();
                } else if (event.kind() == ClusterEventKind.NODE_STEP) {
                    recorded.add(event.reason());
                }
            }
            for (NodeStep step : steps) {
                if (recorded.add(step.message())) {
                    repos.events().record(ClusterEvent.of(cluster, ClusterEventKind.NODE_STEP, ClusterEvent.CONDUCTOR,
                            step.message(), clock.instant()));
                }
            }
        });
        return steps;
    }

    /** A failed update names the first node that failed its step, before what the stack says. */
    private static ReconcileDecision.Settle namingFailedNode(ReconcileDecision.Settle settle, List<NodeStep> steps) {
        if (settle.status() != ClusterStatus.UPDATE_FAILED) {
            return settle;
        }
        return steps.stream().filter(step -> step.state() == NodeStep.State.FAILED).findFirst()
                .map(failed -> new ReconcileDecision.Settle(settle.status(), failed.message()
                        + (settle.reason() == null || settle.reason().isBlank() ? ""
                        : " (stack: " + settle.reason() + ")"), settle.observeOutputs(), settle.collectFaults()))
                .orElse(settle);
    }

    private Cluster settled(Cluster cluster, ClusterTemplate template, Optional<Stack> stack,
                            ReconcileDecision.Settle settle, StackCredential credential) {
        Cluster.Builder next = cluster.toBuilder()
                .status(settle.status())
                .statusReason(settle.reason())
                .stackId(stack.map(Stack::id).orElse(cluster.observed().stackId()));
        Map<String, List<String>> groupAddresses = Map.of();
        if (settle.observeOutputs() && stack.isPresent()) {
            if (template == null) {
                throw new IllegalStateException("ClusterTemplate " + cluster.spec().clusterTemplateId() + " not found");
            }
            ClusterObservation seen = driverOf(template).observe(template, cluster, stack.get());
            next.apiAddress(seen.apiAddress())
                    .masterAddresses(seen.masterAddresses())
                    .nodeAddresses(seen.nodeAddresses())
                    .coeVersion(seen.coeVersion())
                    .containerVersion(seen.containerVersion())
                    .faults(Map.of());
            groupAddresses = seen.nodeGroupAddresses();
        }
        // Every added group shares the cluster's one stack, so its answer settles each of them.
        next.nodeGroupStates(NodeGroups.settled(cluster, settle.status(), settle.reason(), groupAddresses));
        if (settle.collectFaults() && stack.isPresent()) {
            next.faults(faults(stack.get(), credential));
        }
        return next.build();
    }

    private Map<String, String> faults(Stack stack, StackCredential credential) {
        Map<String, String> faults = new LinkedHashMap<>();
        for (StackResource resource : orchestrator.resources(stack.name(), stack.id(), FAULT_DEPTH, credential)) {
            if (resource.isFailed()) {
                faults.put(resource.path(), resource.statusReason() == null ? resource.status().text() : resource.statusReason());
            }
        }
        return faults;
    }

    private String stillInProgress(Stack stack, StackCredential credential) {
        String names = orchestrator.resources(stack.name(), stack.id(), FAULT_DEPTH, credential).stream()
                .filter(StackResource::isInProgress)
                .map(StackResource::path)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "." : "; still in progress: " + names + ".";
    }

    private boolean remove(Cluster cluster) {
        credentials.revoke(cluster);
        boolean removed = database.transaction(repos -> {
            boolean gone = repos.clusters().delete(cluster.uuid());
            if (gone) {
                repos.events().record(ClusterEvent.of(cluster, ClusterEventKind.DELETED, ClusterEvent.CONDUCTOR,
                        "its stack is gone", clock.instant()));
            }
            return gone;
        });
        if (removed) {
            LOG.info("Cluster {} deleted: its stack is gone", cluster.uuid());
        }
        return removed;
    }

    private boolean save(ClusterStatus before, Cluster cluster) {
        return save(before, cluster, null);
    }

    /** @param stackSettledAt when the stack settled, if its orchestrator says: logged as how long the status took to show */
    private boolean save(ClusterStatus before, Cluster cluster, java.time.Instant stackSettledAt) {
        Cluster changed = cluster.toBuilder().updatedAt(clock.instant()).build();
        boolean saved = database.transaction(repos -> {
            boolean updated = repos.clusters().update(changed);
            if (updated && before != changed.status()) {
                repos.events().record(ClusterEvent.statusChanged(before, changed, ClusterEvent.CONDUCTOR,
                        clock.instant()));
            }
            return updated;
        });
        if (saved) {
            LOG.info("Cluster {} is {}{}{}", cluster.uuid(), cluster.status(),
                    cluster.observed().statusReason() == null ? "" : ": " + cluster.observed().statusReason(),
                    stackSettledAt == null ? "" : " (its stack settled "
                            + java.time.Duration.between(stackSettledAt, clock.instant()).toMillis()
                            + " ms before)");
            if (changed.status().isMonitored()) {
                settledListener.accept(cluster.uuid());
            }
        }
        return saved;
    }

    private ClusterDriver driverOf(ClusterTemplate template) {
        DriverKey key = new DriverKey(template.serverType(), template.clusterDistro(), template.coe());
        return drivers.find(key).orElseThrow(() -> new IllegalStateException("No driver for " + key));
    }
}
