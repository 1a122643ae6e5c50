package dev.magnetar.core.conductor;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.Operation;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.core.model.OperationArguments;
import dev.magnetar.core.monitor.MonitorAccounts;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.ConductorMetrics;
import dev.magnetar.core.port.ConductorMetrics.OperationOutcome;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.DeploymentContexts;
import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.core.port.Repositories;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.retry.Backoff;
import dev.magnetar.core.status.ClusterLifecycle;
import dev.magnetar.core.status.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Drains the operation outbox: claims one due operation, carries it out against the orchestrator,
 * and records the outcome. Every kind is idempotent, because a crash after the orchestrator call but
 * before the outcome is recorded makes the operation run again:
 * <ul>
 *   <li>create looks for the stack by its derived name first and adopts it if present, and adopts it
 *       too when its own create is refused because another attempt made it after that look;</li>
 *   <li>update treats "already updating" as its own earlier attempt;</li>
 *   <li>delete of a missing stack finishes the delete.</li>
 * </ul>
 * Status is not settled here: the {@link Reconciler} observes the stack and does that.
 */
public final class OperationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OperationExecutor.class);

    private final Database database;
    private final Orchestrator orchestrator;
    private final DriverRegistry drivers;
    private final ClusterCredentials credentials;
    private final DeploymentContexts contexts;
    private final Clock clock;
    private final Duration lease;
    private final MonitorAccounts monitorAccounts;
    private final ConductorMetrics metrics;
    private final Consumer<String> operationDone;

    /** An executor that installs no monitoring accounts and reports to no metrics. */
    public OperationExecutor(Database database, Orchestrator orchestrator, DriverRegistry drivers,
                             ClusterCredentials credentials, DeploymentContexts contexts, Clock clock,
                             Duration lease) {
        this(database, orchestrator, drivers, credentials, contexts, clock, lease, null, ConductorMetrics.NONE);
    }

    /**
     * @param monitorAccounts makes the accounts of clusters whose driver wants one; null installs
     *                        none (their monitor then cannot log in)
     */
    public OperationExecutor(Database database, Orchestrator orchestrator, DriverRegistry drivers,
                             ClusterCredentials credentials, DeploymentContexts contexts, Clock clock,
                             Duration lease, MonitorAccounts monitorAccounts, ConductorMetrics metrics) {
        this(database, orchestrator, drivers, credentials, contexts, clock, lease, monitorAccounts, metrics,
                clusterUuid -> { });
    }

    /**
     * @param operationDone told the cluster's uuid each time one of its operations has been carried
     *                      out or given up (not when it is retried later), so that its stack can be
     *                      looked at without waiting for the reconcile loop's next pass
     */
    public OperationExecutor(Database database, Orchestrator orchestrator, DriverRegistry drivers,
                             ClusterCredentials credentials, DeploymentContexts contexts, Clock clock,
                             Duration lease, MonitorAccounts monitorAccounts, ConductorMetrics metrics,
                             Consumer<String> operationDone) {
        this.operationDone = operationDone;
        this.database = database;
        this.orchestrator = orchestrator;
        this.drivers = drivers;
        this.credentials = credentials;
        this.contexts = contexts;
        this.clock = clock;
        this.lease = lease;
        this.monitorAccounts = monitorAccounts;
        this.metrics = metrics;
    }

    /**
     * What a worker reads when it claims an operation, all in the claiming transaction: whether the
     * operation is its cluster's oldest (if not, it is already put back), the cluster, and its template.
     */
    private record Claimed(Operation operation, boolean oldest, Cluster cluster, ClusterTemplate template) {
    }

    /**
     * Runs at most one operation; returns false when none was due. A create costs this worker two
     * transactions of its own (plus the driver's, e.g. a monitoring account): the claim with every read
     * it needs, and the stack id recorded together with the completion. Recording both at once is as
     * safe as in two steps: an attempt that dies before it finds the stack on its retry by the
     * cluster's name and adopts it.
     */
    public boolean runNext(String owner) {
        Optional<Claimed> claimed = database.transaction(repos -> repos.operations()
                .claimNext(owner, clock.instant(), lease).map(operation -> {
                    List<Operation> pending = repos.operations().pendingFor(operation.clusterUuid());
                    if (!pending.isEmpty() && !pending.get(0).id().equals(operation.id())) {
                        repos.operations().retryLater(operation.id(), owner, clock.instant().plusMillis(200),
                                "waiting for an earlier operation of the cluster", clock.instant());
                        return new Claimed(operation, false, null, null);
                    }
                    Cluster cluster = repos.clusters().findByUuid(operation.clusterUuid()).orElse(null);
                    ClusterTemplate template = cluster == null ? null
                            : repos.templates().findByUuid(cluster.spec().clusterTemplateId()).orElse(null);
                    return new Claimed(operation, true, cluster, template);
                }));
        if (claimed.isEmpty()) {
            return false;
        }
        if (!claimed.get().oldest()) {
            return true;
        }
        Operation operation = claimed.get().operation();
        try {
            Optional<String> stackId = execute(claimed.get());
            database.transact(repos -> {
                stackId.ifPresent(id -> recordStackId(repos, operation.clusterUuid(), id));
                repos.operations().complete(operation.id(), owner, clock.instant());
            });
            metrics.operationFinished(operation.kind(), OperationOutcome.COMPLETED);
            operationDone.accept(operation.clusterUuid());
        } catch (OrchestratorException e) {
            if (e.kind() == OrchestratorException.Kind.TRANSIENT) {
                Duration backoff = Backoff.OPERATION.after(operation.attempts());
                LOG.warn("Operation {} ({} of cluster {}) hit a transient orchestrator error, retrying in {}: {}",
                        operation.id(), operation.kind(), operation.clusterUuid(), backoff, e.getMessage());
                database.transaction(repos -> repos.operations().retryLater(operation.id(), owner,
                        clock.instant().plus(backoff), e.getMessage(), clock.instant()));
                metrics.operationFinished(operation.kind(), OperationOutcome.RETRIED);
            } else {
                failCluster(operation, e.getMessage());
                database.transaction(repos -> repos.operations().complete(operation.id(), owner, clock.instant()));
                metrics.operationFinished(operation.kind(), OperationOutcome.REJECTED);
            }
        } catch (MagnetarException e) {
            failCluster(operation, e.getMessage());
            database.transaction(repos -> repos.operations().complete(operation.id(), owner, clock.instant()));
            metrics.operationFinished(operation.kind(), OperationOutcome.REJECTED);
        } catch (RuntimeException e) {
            LOG.error("Operation {} ({} of cluster {}) failed unexpectedly", operation.id(), operation.kind(),
                    operation.clusterUuid(), e);
            failCluster(operation, "Internal error: " + e);
            database.transaction(repos -> repos.operations().fail(operation.id(), owner, e.toString(), clock.instant()));
            metrics.operationFinished(operation.kind(), OperationOutcome.FAILED);
        }
        return true;
    }

    /** Carries the operation out; returns the stack id a create made or adopted, to record with the completion. */
    private Optional<String> execute(Claimed claimed) {
        Cluster cluster = claimed.cluster();
        if (cluster == null) {
            return Optional.empty();
        }
        Supplier<ClusterTemplate> template = () -> claimed.template() != null ? claimed.template() : templateOf(cluster);
        switch (claimed.operation().arguments()) {
            case OperationArguments.Create create -> {
                return create(cluster, template);
            }
            case OperationArguments.Update update -> update(cluster, template, update);
            case OperationArguments.Upgrade upgrade -> upgrade(cluster, template, upgrade);
            case OperationArguments.Restack restack -> restack(cluster, template, restack);
            case OperationArguments.Delete delete -> delete(cluster);
        }
        return Optional.empty();
    }

    private Optional<String> create(Cluster cluster, Supplier<ClusterTemplate> templateOf) {
        if (cluster.status() != ClusterStatus.CREATE_IN_PROGRESS) {
            return Optional.empty(); // deleted or settled meanwhile: nothing left to create
        }
        String stackName = StackNames.of(cluster);
        StackCredential credential = credentials.establish(cluster);
        Optional<Stack> existing = orchestrator.find(stackName, credential);
        String stackId;
        if (existing.isPresent()) {
            stackId = existing.get().id();
            LOG.info("Adopting stack {} ({}) created by an earlier attempt for cluster {}", stackName, stackId,
                    cluster.uuid());
        } else {
            ClusterTemplate template = templateOf.get();
            ClusterDriver driver = driverOf(template);
            var spec = driver.stackSpec(template, cluster, deploymentContext(template, driver, cluster, credential));
            try {
                stackId = orchestrator.create(new StackRequest(stackName, spec, cluster.spec().createTimeout(), true,
                        List.of("magnetar", "cluster_uuid=" + cluster.uuid()), credential));
                LOG.info("Created stack {} ({}) for cluster {}", stackName, stackId, cluster.uuid());
            } catch (OrchestratorException e) {
                // Another attempt of this operation (its lease expired while it still ran) created the
                // stack between our look and our create: the name is the cluster's, so it is ours.
                Optional<Stack> raced = e.kind() == OrchestratorException.Kind.CONFLICT
                        ? orchestrator.find(stackName, credential) : Optional.empty();
                if (raced.isEmpty()) {
                    throw e;
                }
                stackId = raced.get().id();
                LOG.info("Adopting stack {} ({}) another attempt created meanwhile for cluster {}", stackName,
                        stackId, cluster.uuid());
            }
        }
        return Optional.of(stackId);
    }

    /** The cloud's facts, plus the cluster's monitoring account when its driver wants one. */
    private DeploymentContext deploymentContext(ClusterTemplate template, ClusterDriver driver, Cluster cluster,
                                                StackCredential credential) {
        DeploymentContext context = contexts.forCluster(cluster, driver.descriptor().name(), credential);
        if (!driver.wantsMonitorAccount(template, cluster)) {
            return context;
        }
        if (monitorAccounts == null) {
            LOG.warn("Cluster {} is installed without a monitoring account: this conductor has no secret key",
                    cluster.uuid());
            return context;
        }
        return context.withMonitorAccount(monitorAccounts.ensure(cluster));
    }

    private void update(Cluster cluster, Supplier<ClusterTemplate> templateOf, OperationArguments.Update arguments) {
        updateStack(cluster, templateOf, (template, driver, stack, credential) -> new StackUpdate(
                driver.scaleParameters(template, cluster, arguments.nodeGroup(), arguments.nodesToRemove(), stack),
                !arguments.rollback(), cluster.spec().createTimeout()));
    }

    /** Updates the stack with the whole template the spec renders now (a node group added or removed). */
    private void restack(Cluster cluster, Supplier<ClusterTemplate> templateOf, OperationArguments.Restack arguments) {
        updateStack(cluster, templateOf, (template, driver, stack, credential) -> StackUpdate.to(
                driver.stackSpec(template, cluster, deploymentContext(template, driver, cluster, credential)),
                !arguments.rollback(), cluster.spec().createTimeout()));
    }

    /**
     * Sends the stack of the cluster's new template (its spec already names it): the driver renders the
     * release and the rolling order, and the nodes keep their servers. Never rolled back by Heat: a node
     * that failed its upgrade stays as it is, for the operator to look at, and the cluster is UPDATE_FAILED.
     */
    private void upgrade(Cluster cluster, Supplier<ClusterTemplate> templateOf, OperationArguments.Upgrade arguments) {
        updateStack(cluster, templateOf, (template, driver, stack, credential) -> {
            ClusterTemplate previous = database.transaction(repos -> repos.templates()
                    .findByUuid(arguments.previousTemplateId())).orElse(null);
            LOG.info("Upgrading stack {} of cluster {} from template {} to {}", stack.name(), cluster.uuid(),
                    arguments.previousTemplateId(), template.uuid());
            return StackUpdate.to(driver.upgradeSpec(previous, template, cluster, arguments.maxBatchSize(), stack,
                    deploymentContext(template, driver, cluster, credential)), true, cluster.spec().createTimeout());
        });
    }

    private Stack existingStack(Cluster cluster, StackCredential credential) {
        return orchestrator.find(StackNames.of(cluster), credential)
                .orElseThrow(() -> new OrchestratorException(OrchestratorException.Kind.REJECTED,
                        "Stack " + StackNames.of(cluster) + " not found in the orchestrator."));
    }

    /** What an update sends, from the cluster's template and driver and its stack as it is. */
    private interface UpdateOf {
        StackUpdate of(ClusterTemplate template, ClusterDriver driver, Stack stack, StackCredential credential);
    }

    /** Updates the stack of a cluster that is still UPDATE_IN_PROGRESS; a stack already updating is this update. */
    private void updateStack(Cluster cluster, Supplier<ClusterTemplate> templateOf, UpdateOf updateOf) {
        if (cluster.status() != ClusterStatus.UPDATE_IN_PROGRESS) {
            return;
        }
        StackCredential credential = credentials.of(cluster);
        Stack stack = existingStack(cluster, credential);
        ClusterTemplate template = templateOf.get();
        StackUpdate update = updateOf.of(template, driverOf(template), stack, credential);
        try {
            orchestrator.update(stack.name(), stack.id(), update, credential);
        } catch (OrchestratorException e) {
            if (e.kind() != OrchestratorException.Kind.CONFLICT
                    || !stack.status().is(StackAction.UPDATE, StackPhase.IN_PROGRESS)) {
                throw e;
            }
            LOG.info("Stack {} is already updating: an earlier attempt of this update started it", stack.name());
        }
    }

    private void delete(Cluster cluster) {
        if (cluster.status() != ClusterStatus.DELETE_IN_PROGRESS) {
            return;
        }
        StackCredential credential = credentials.of(cluster);
        Optional<Stack> stack = orchestrator.find(StackNames.of(cluster), credential);
        if (stack.isEmpty()) {
            // Never created, or already gone: the delete is finished.
            credentials.revoke(cluster);
            database.transact(repos -> {
                if (repos.clusters().delete(cluster.uuid())) {
                    repos.events().record(ClusterEvent.of(cluster, ClusterEventKind.DELETED, ClusterEvent.CONDUCTOR,
                            "it had no stack", clock.instant()));
                }
            });
            LOG.info("Deleted cluster {}: it had no stack", cluster.uuid());
            return;
        }
        if (!stack.get().status().is(StackAction.DELETE, StackPhase.IN_PROGRESS)) {
            orchestrator.delete(stack.get().name(), stack.get().id(), credential);
        }
    }

    /** Records the stack id on the cluster in the caller's transaction, re-reading when another write came first. */
    private void recordStackId(Repositories repos, String clusterUuid, String stackId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Cluster> current = repos.clusters().findByUuid(clusterUuid);
            if (current.isEmpty() || stackId.equals(current.get().observed().stackId())) {
                return;
            }
            Cluster updated = current.get().toBuilder().stackId(stackId).updatedAt(clock.instant()).build();
            if (repos.clusters().update(updated)) {
                return;
            }
        }
        throw new IllegalStateException("Could not record stack id of cluster " + clusterUuid + " after 5 attempts");
    }

    private void failCluster(Operation operation, String reason) {
        LifecycleEvent refused = switch (operation.kind()) {
            case CREATE_CLUSTER -> LifecycleEvent.CREATE_REFUSED;
            case UPDATE_CLUSTER, UPGRADE_CLUSTER, RESTACK_CLUSTER -> LifecycleEvent.UPDATE_REFUSED;
            case DELETE_CLUSTER -> LifecycleEvent.DELETE_REFUSED;
        };
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Cluster> current = database.transaction(
                    repos -> repos.clusters().findByUuid(operation.clusterUuid()));
            Optional<ClusterStatus> next = current.flatMap(c -> ClusterLifecycle.next(c.status(), refused));
            if (next.isEmpty()) {
                return;
            }
            ClusterStatus failed = next.get();
            Cluster updated = current.get().toBuilder()
                    .status(failed)
                    .statusReason(reason)
                    .nodeGroupStates(NodeGroups.settled(current.get(), failed, reason, Map.of()))
                    .updatedAt(clock.instant())
                    .build();
            ClusterStatus before = current.get().status();
            if (database.transaction(repos -> {
                boolean saved = repos.clusters().update(updated);
                if (saved) {
                    repos.events().record(ClusterEvent.statusChanged(before, updated, ClusterEvent.CONDUCTOR,
                            clock.instant()));
                }
                return saved;
            })) {
                LOG.warn("Cluster {} is {}: {}", operation.clusterUuid(), failed, reason);
                return;
            }
        }
    }

    private ClusterTemplate templateOf(Cluster cluster) {
        return database.transaction(repos -> repos.templates().findByUuid(cluster.spec().clusterTemplateId()))
                .orElseThrow(() -> MagnetarException.invalid(
                        "ClusterTemplate " + cluster.spec().clusterTemplateId() + " could not be found."));
    }

    private ClusterDriver driverOf(ClusterTemplate template) {
        DriverKey key = new DriverKey(template.serverType(), template.clusterDistro(), template.coe());
        return drivers.find(key).orElseThrow(() -> MagnetarException.invalid("Cluster type " + key + " not supported."));
    }
}
