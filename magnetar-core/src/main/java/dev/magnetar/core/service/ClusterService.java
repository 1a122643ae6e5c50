package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClientAttachment;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.Operation;
import dev.magnetar.core.model.OperationArguments;
import dev.magnetar.core.model.OperationKind;
import dev.magnetar.core.port.DeploymentContexts;
import dev.magnetar.core.conductor.StackNames;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.CaPinRepository;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Repositories;
import dev.magnetar.core.port.Scope;
import dev.magnetar.core.status.ClusterLifecycle;
import dev.magnetar.core.status.LifecycleEvent;
import dev.magnetar.core.status.TransitionRefusedException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Clusters and bays. Every mutation records intent and its operation in one transaction and
 * returns at once; the conductor carries the operation out and the reconcile loop settles status.
 */
public final class ClusterService {

    private final Database database;
    private final ClusterTemplateService templates;
    private final CloudResources cloud;
    private final NameGenerator names;
    private final ServiceSettings settings;
    private final DeploymentContexts contexts;
    private final Clock clock;
    private final Runnable operationStored;

    public ClusterService(Database database, ClusterTemplateService templates, CloudResources cloud,
                          NameGenerator names, ServiceSettings settings, DeploymentContexts contexts, Clock clock) {
        this(database, templates, cloud, names, settings, contexts, clock, () -> { });
    }

    /**
     * @param operationStored told after each transaction that stored an operation, so that this
     *                        process's idle conductor workers start on it at once
     */
    public ClusterService(Database database, ClusterTemplateService templates, CloudResources cloud,
                          NameGenerator names, ServiceSettings settings, DeploymentContexts contexts, Clock clock,
                          Runnable operationStored) {
        this.operationStored = operationStored;
        this.database = database;
        this.templates = templates;
        this.cloud = cloud;
        this.names = names;
        this.settings = settings;
        this.contexts = contexts;
        this.clock = clock;
    }

    /**
     * Validates a create request and stores the cluster (CREATE_IN_PROGRESS) with its create
     * operation. The quota applies to bays and clusters alike.
     *
     * @param nameSuffix {@code cluster} or {@code bay}, for generated names
     */
    public Cluster create(RequestContext context, ClusterRequest request, String nameSuffix) {
        Policy.requireWriter(context, "cluster:create");
        Cluster cluster = prepare(context, request, nameSuffix).cluster();
        Cluster created = database.transaction(repos -> {
            enforceQuota(repos, context.projectId());
            if (repos.clusters().findByUuid(cluster.uuid()).isPresent()) {
                throw MagnetarException.conflict("A cluster with UUID " + cluster.uuid() + " already exists.");
            }
            repos.clusters().insert(cluster);
            repos.operations().insert(Operation.pending(Identifiers.newUuid(), cluster.uuid(),
                    new OperationArguments.Create(), clock.instant()));
            repos.events().record(ClusterEvent.of(cluster, ClusterEventKind.CREATED, actor(context),
                    "requested with " + cluster.spec().masterCount() + " master(s) and " + cluster.spec().nodeCount() + " node(s)",
                    clock.instant()));
            return cluster;
        });
        operationStored.run();
        return created;
    }

    /**
     * Everything a create would send to the orchestrator, and the files each node role would get,
     * after the same validation as a create; nothing is stored or created.
     */
    public ClusterPreview preview(RequestContext context, ClusterRequest request) {
        Prepared prepared = prepare(context, request, "cluster");
        List<String> unreadable = LabelSecrets.of(prepared.driver())
                .unreadable(context, prepared.cluster(), prepared.template());
        if (!unreadable.isEmpty()) {
            // A preview with the secret masked would show a configuration that is not the one a create
            // sends, and the files it writes would install a wrong credential; so no preview at all.
            throw MagnetarException.forbidden("A preview would show the value of secret label(s) "
                    + String.join(", ", unreadable) + ", which you may not read: a secret label's value is shown "
                    + "only to members of the project it belongs to (here cluster template "
                    + prepared.template().uuid() + "'s) and to admins, not to callers whose only role is reader. "
                    + "Give your own value for each in labels (with merge_labels), or ask an admin or the "
                    + "template's project to preview; creating the cluster is not affected.");
        }
        DeploymentContext deployment = contexts.forCluster(prepared.cluster(), prepared.driver().descriptor().name(),
                StackCredential.NONE);
        return new ClusterPreview(StackNames.of(prepared.cluster()),
                prepared.driver().stackSpec(prepared.template(), prepared.cluster(), deployment),
                prepared.driver().nodeFiles(prepared.template(), prepared.cluster(), deployment));
    }

    /** A create request checked against its template, its driver and the cloud. */
    private Prepared prepare(RequestContext context, ClusterRequest request, String nameSuffix) {
        ClusterTemplate template = database.transaction(repos -> templateForCreate(repos, context, request));
        ClusterDriver driver = templates.driverFor(template);
        LabelSecrets.of(driver).refuseMasks(request.labels().given(), "cluster");
        Cluster cluster = candidate(context, request, template, nameSuffix);
        ClusterTemplateService.checkDockerVolumeSize(template.dockerStorageDriver(), cluster.spec().dockerVolumeSize());
        cloud.requireKeypair(context, cluster.spec().keypair());
        cloud.requireFlavor(context, cluster.spec().flavorId());
        cloud.requireFlavor(context, cluster.spec().masterFlavorId());
        driver.validateCluster(template, cluster);
        return new Prepared(template, driver, cluster);
    }

    private record Prepared(ClusterTemplate template, ClusterDriver driver, Cluster cluster) {
    }

    public Cluster get(RequestContext context, String ident) {
        return database.transaction(repos -> find(repos.clusters(), Policy.scopeFor(context), ident));
    }

    /** The template a cluster was made from, visible to the caller or not (it is the cluster's). */
    public ClusterTemplate templateOf(Cluster cluster) {
        return database.transaction(repos -> repos.templates().findByUuid(cluster.spec().clusterTemplateId()))
                .orElseThrow(() -> ClusterTemplateService.notFound(cluster.spec().clusterTemplateId()));
    }

    public List<Cluster> list(RequestContext context, PageRequest page) {
        Scope scope = Policy.scopeFor(context);
        return database.transaction(repos -> {
            if (page.marker() != null) {
                find(repos.clusters(), scope, page.marker());
            }
            return repos.clusters().list(scope, page);
        });
    }

    /**
     * Scales the cluster's agents to {@code nodeCount}, optionally naming the nodes to remove.
     * Returns the cluster as stored (unchanged when the count is already the requested one). When the
     * conductor, the reconcile loop or the monitor stores the cluster between this request's read and
     * its write, the request is checked and applied again on the cluster as it is now.
     */
    public Cluster resize(RequestContext context, String ident, int nodeCount, List<String> nodesToRemove,
                          boolean rollback) {
        Policy.requireWriter(context, "cluster:update");
        Cluster resized = OptimisticRetry.run(() -> changedMeanwhile(ident), attempt -> database.transaction(repos -> {
            Cluster current = find(repos.clusters(), Policy.scopeFor(context), ident);
            ClusterStatus resizing = ClusterLifecycle.transition(current.status(), LifecycleEvent.RESIZE_REQUESTED);
            if (current.spec().nodeCount() == nodeCount && nodesToRemove.isEmpty()) {
                return Optional.of(current);
            }
            if (!nodesToRemove.isEmpty() && nodeCount >= current.spec().nodeCount()) {
                throw MagnetarException.invalid("nodes_to_remove can only be given when node_count decreases ("
                        + current.spec().nodeCount() + " -> " + nodeCount + ").");
            }
            Cluster updated = current.toBuilder()
                    .nodeCount(nodeCount)
                    .status(resizing)
                    .statusReason(null)
                    .faults(Map.of())
                    .updatedAt(clock.instant())
                    .build();
            if (!repos.clusters().update(updated)) {
                return Optional.empty();
            }
            repos.operations().insert(Operation.pending(Identifiers.newUuid(), current.uuid(),
                    new OperationArguments.Update(current.spec().nodeCount(), nodesToRemove, rollback),
                    clock.instant()));
            repos.events().record(ClusterEvent.of(updated, ClusterEventKind.SCALED, actor(context),
                    "node_count " + current.spec().nodeCount() + " -> " + nodeCount
                            + (nodesToRemove.isEmpty() ? "" : ", removing " + String.join(", ", nodesToRemove)),
                    clock.instant()));
            return repos.clusters().findByUuid(current.uuid());
        }));
        operationStored.run();
        return resized;
    }

    /**
     * Moves a settled cluster to another template of its driver (Magnum's upgrade action): the cluster
     * follows {@code templateIdent} from now on, with that template's labels and its own overrides, and
     * an upgrade operation rolls the new template's release over its nodes, {@code maxBatchSize} agents
     * at a time. The driver says which moves its COE can make ({@link ClusterDriver#validateUpgrade});
     * a refused move stores nothing. A cluster that is not in a {@code *_COMPLETE} status is a 409, except
     * one whose upgrade failed (UPDATE_FAILED after an upgrade request): asked again, to the template it now
     * follows or to another the driver accepts, the upgrade runs again over every node, and the nodes that
     * already run the new release pass their step at once.
     */
    public Cluster upgrade(RequestContext context, String ident, String templateIdent, int maxBatchSize) {
        Policy.requireWriter(context, "cluster:upgrade");
        if (maxBatchSize < 1) {
            throw MagnetarException.invalid("Invalid input for field/attribute max_batch_size. Value: "
                    + maxBatchSize + ". Value should be greater or equal to 1");
        }
        Cluster upgraded = OptimisticRetry.run(() -> changedMeanwhile(ident), attempt -> {
            Cluster current = get(context, ident);
            ClusterStatus upgrading = ClusterLifecycle.next(current.status(), LifecycleEvent.UPGRADE_REQUESTED)
                    .filter(next -> current.status() != ClusterStatus.UPDATE_FAILED || lastChangeWasAnUpgrade(current))
                    .orElseThrow(() -> MagnetarException.conflict("Cluster " + current.name() + " is "
                            + current.status() + "; an upgrade starts only from a settled status (one ending in "
                            + "_COMPLETE), or again after an upgrade that failed."));
            ClusterTemplate from = templateOf(current);
            ClusterTemplate to = database.transaction(repos -> ClusterTemplateService.find(repos.templates(),
                    Policy.scopeFor(context), templateIdent));
            ClusterDriver driver = templates.driverFor(from);
            ClusterDriver target = templates.driverFor(to);
            if (!target.descriptor().name().equals(driver.descriptor().name())) {
                throw MagnetarException.invalid("cluster_template " + to.name() + " (" + to.uuid() + ") is a "
                        + to.coe() + " template of driver " + target.descriptor().name() + "; cluster "
                        + current.name() + " runs driver " + driver.descriptor().name() + " (coe " + from.coe()
                        + "), and an upgrade keeps the driver: name a template of the same coe, server_type and "
                        + "image distro.");
            }
            Cluster moved = current.toBuilder()
                    .clusterTemplateId(to.uuid())
                    .labels(upgradedLabels(from.labels(), current.spec().labels(), to.labels()))
                    .status(upgrading)
                    .statusReason(null)
                    .faults(Map.of())
                    .updatedAt(clock.instant())
                    .build();
            driver.validateUpgrade(from, current, to, moved);
            driver.validateCluster(to, moved);
            return database.transaction(repos -> {
                if (!repos.clusters().update(moved)) {
                    return Optional.<Cluster>empty();
                }
                repos.operations().insert(Operation.pending(Identifiers.newUuid(), current.uuid(),
                        new OperationArguments.Upgrade(from.uuid(), maxBatchSize), clock.instant()));
                repos.events().record(ClusterEvent.of(moved, ClusterEventKind.UPGRADE_REQUESTED, actor(context),
                        "cluster_template " + from.name() + " -> " + to.name() + ", max_batch_size " + maxBatchSize,
                        clock.instant()));
                return repos.clusters().findByUuid(current.uuid());
            });
        });
        operationStored.run();
        return upgraded;
    }

    /** Events enough to find the last request behind a failed update, node steps of a large upgrade included. */
    private static final int RETRY_LOOKBACK_EVENTS = 2_000;

    /**
     * Whether the request that left the cluster UPDATE_FAILED was an upgrade: the last change a user asked for
     * (upgrade, scale, label change or node group change) in its event history.
     */
    private boolean lastChangeWasAnUpgrade(Cluster cluster) {
        List<ClusterEvent> events = database.transaction(repos -> repos.events().listFor(cluster.uuid(),
                RETRY_LOOKBACK_EVENTS));
        for (int i = events.size() - 1; i >= 0; i--) {
            switch (events.get(i).kind()) {
                case UPGRADE_REQUESTED -> {
                    return true;
                }
                case SCALED, LABELS_CHANGED, NODE_GROUPS_CHANGED, CREATED -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * A cluster's labels on its new template: the new template's, with what the cluster changed from its
     * old template kept (its overrides and additions win; the labels it dropped stay dropped).
     */
    static Map<String, String> upgradedLabels(Map<String, String> oldTemplate, Map<String, String> cluster,
                                              Map<String, String> newTemplate) {
        LabelDelta delta = labelDelta(oldTemplate, cluster);
        Map<String, String> labels = new LinkedHashMap<>(newTemplate);
        delta.skipped().keySet().forEach(labels::remove);
        delta.overridden().keySet().forEach(key -> labels.put(key, cluster.get(key)));
        labels.putAll(delta.added());
        return labels;
    }

    /**
     * Changes labels that the cluster's driver applies to the running COE by itself (its
     * {@link ClusterDriver#labelsChangeableInPlace()}): no stack update and no operation; the status
     * stays, and the driver's monitor applies the new values at its next poll. The new label set is
     * validated as a create would be. Returns the cluster as stored.
     */
    public Cluster updateLabels(RequestContext context, String ident, Map<String, String> labels) {
        Policy.requireWriter(context, "cluster:update");
        return OptimisticRetry.run(() -> changedMeanwhile(ident), attempt -> {
            Cluster current = get(context, ident);
            Set<String> changed = changedLabels(current.spec().labels(), labels);
            if (changed.isEmpty()) {
                return Optional.of(current);
            }
            ClusterTemplate template = templateOf(current);
            ClusterDriver driver = templates.driverFor(template);
            Set<String> inPlace = driver.labelsChangeableInPlace();
            List<String> fixed = changed.stream().filter(k -> !inPlace.contains(k)).toList();
            if (!fixed.isEmpty()) {
                throw MagnetarException.invalid("cannot change label(s) " + String.join(", ", fixed)
                        + " of an existing cluster: " + (inPlace.isEmpty() ? "driver " + driver.descriptor().name()
                        + " fixes every label at create" : "only " + String.join(", ", new TreeSet<>(inPlace))
                        + " can change without a new stack") + ".");
            }
            // Accepted when an update would be; the COE applies it, so no stack action and no new status.
            if (!ClusterLifecycle.accepts(current.status(), LifecycleEvent.UPDATE_REQUESTED)) {
                throw new TransitionRefusedException(current.status(), LifecycleEvent.UPDATE_REQUESTED);
            }
            Cluster updated = current.toBuilder().labels(labels).updatedAt(clock.instant()).build();
            driver.validateCluster(template, updated);
            return database.transaction(repos -> {
                if (!repos.clusters().update(updated)) {
                    return Optional.<Cluster>empty();
                }
                repos.events().record(ClusterEvent.of(updated, ClusterEventKind.LABELS_CHANGED, actor(context),
                        "changed " + String.join(", ", changed) + " (applied to the running cluster, no stack update)",
                        clock.instant()));
                return repos.clusters().findByUuid(current.uuid());
            });
        });
    }

    /** The keys whose values differ between two label sets, including keys only one of them has. */
    private static Set<String> changedLabels(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.add(k);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(changed::add);
        return changed;
    }

    /**
     * What the cluster's driver says a user needs to attach the COE's own tools (the DC/OS CLI and
     * UI), for whoever may see the cluster, with the CA the monitor pinned for it. Refused for a
     * cluster without an address yet, or whose driver offers none.
     */
    public ClientAttachment attachment(RequestContext context, String ident) {
        Cluster cluster = get(context, ident);
        if (cluster.observed().apiAddress() == null || cluster.observed().apiAddress().isBlank()) {
            throw MagnetarException.invalid("Cluster " + cluster.name() + " has no api_address yet (status "
                    + cluster.status() + "); its configuration is available once it is CREATE_COMPLETE.");
        }
        ClusterTemplate template = templateOf(cluster);
        ClusterDriver driver = templates.driverFor(template);
        Optional<String> pinnedCa = database.transaction(repos -> repos.caPins().find(cluster.uuid()))
                .map(CaPinRepository.CaPin::certificatePem);
        return driver.attachment(template, cluster, pinnedCa).orElseThrow(() -> MagnetarException.invalid("Cluster "
                + cluster.name() + " is a " + template.coe() + " cluster; driver " + driver.descriptor().name()
                + " offers no client attachment."));
    }

    /**
     * Starts deleting a cluster in any status; a cluster already being deleted is left to finish. A
     * write that loses a race to another writer of the cluster is done again on its current state.
     */
    public void delete(RequestContext context, String ident) {
        Policy.requireWriter(context, "cluster:delete");
        OptimisticRetry.run(() -> changedMeanwhile(ident), attempt -> database.transaction(repos -> {
            Cluster current = find(repos.clusters(), Policy.scopeFor(context), ident);
            if (current.status() == ClusterStatus.DELETE_IN_PROGRESS
                    && repos.operations().pendingFor(current.uuid()).stream()
                    .anyMatch(op -> op.kind() == OperationKind.DELETE_CLUSTER)) {
                return Optional.of(current);
            }
            Cluster deleting = current.toBuilder()
                    .status(ClusterLifecycle.transition(current.status(), LifecycleEvent.DELETE_REQUESTED))
                    .statusReason(null)
                    .updatedAt(clock.instant())
                    .build();
            if (!repos.clusters().update(deleting)) {
                return Optional.empty();
            }
            repos.operations().insert(Operation.pending(Identifiers.newUuid(), current.uuid(),
                    new OperationArguments.Delete(), clock.instant()));
            repos.events().record(ClusterEvent.of(deleting, ClusterEventKind.STATUS_CHANGED, actor(context),
                    current.status() + " -> " + deleting.status() + ": deletion requested", clock.instant()));
            return Optional.of(deleting);
        }));
        operationStored.run();
    }

    /**
     * The cluster's history, oldest first: the newest {@code limit} events. Visible to whoever may
     * see the cluster; a cluster of another project is not found.
     */
    public List<ClusterEvent> events(RequestContext context, String ident, int limit) {
        return database.transaction(repos -> repos.events()
                .listFor(find(repos.clusters(), Policy.scopeFor(context), ident).uuid(), limit));
    }

    /** Who a request's events name: its user, or its user name when the auth layer gave no id. */
    static String actor(RequestContext context) {
        if (context.userId() != null && !context.userId().isBlank()) {
            return context.userId();
        }
        return context.userName() == null || context.userName().isBlank() ? "anonymous" : context.userName();
    }

    /** Labels the cluster changed relative to its template, as Magnum reports them. */
    public static LabelDelta labelDelta(Map<String, String> templateLabels, Map<String, String> clusterLabels) {
        Map<String, String> overridden = new LinkedHashMap<>();
        Map<String, String> added = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        clusterLabels.forEach((k, v) -> {
            if (!templateLabels.containsKey(k)) {
                added.put(k, v);
            } else if (!templateLabels.get(k).equals(v)) {
                overridden.put(k, templateLabels.get(k));
            }
        });
        templateLabels.forEach((k, v) -> {
            if (!clusterLabels.containsKey(k)) {
                skipped.put(k, v);
            }
        });
        return new LabelDelta(overridden, added, skipped);
    }

    /** {@code labels_overridden} (the template's values that were overridden), {@code labels_added}, {@code labels_skipped}. */
    public record LabelDelta(Map<String, String> overridden, Map<String, String> added, Map<String, String> skipped) {
    }

    static Cluster find(ClusterRepository clusters, Scope scope, String ident) {
        if (Identifiers.looksLikeUuid(ident)) {
            return clusters.findByUuid(Identifiers.canonicalUuid(ident))
                    .filter(c -> scope.projectId() == null || scope.projectId().equals(c.projectId()))
                    .orElseThrow(() -> notFound(ident));
        }
        List<Cluster> named = clusters.findByName(ident, scope);
        if (named.isEmpty()) {
            throw notFound(ident);
        }
        if (named.size() > 1) {
            throw MagnetarException.conflict(
                    "Multiple clusters exist with same name. Please use the cluster uuid instead.");
        }
        return named.get(0);
    }

    private static MagnetarException notFound(String ident) {
        return MagnetarException.notFound("Cluster " + ident + " could not be found.");
    }

    private static ClusterTemplate templateForCreate(Repositories repos, RequestContext context,
                                                     ClusterRequest request) {
        try {
            return ClusterTemplateService.find(repos.templates(), Policy.scopeFor(context),
                    request.clusterTemplateIdent());
        } catch (MagnetarException e) {
            if (e.kind() == dev.magnetar.core.error.ErrorKind.NOT_FOUND) {
                throw MagnetarException.invalid(e.getMessage());
            }
            throw e;
        }
    }

    private Cluster candidate(RequestContext context, ClusterRequest request, ClusterTemplate template,
                              String nameSuffix) {
        Map<String, String> labels;
        ClusterRequest.Nodes nodes = request.nodes();
        ClusterRequest.Labels asked = request.labels();
        ClusterRequest.Options options = request.options();
        if (asked.given() == null) {
            labels = template.labels();
        } else if (asked.merge()) {
            labels = new LinkedHashMap<>(template.labels());
            labels.putAll(asked.given());
        } else {
            labels = asked.given();
        }
        int timeout = options.createTimeout() == null || options.createTimeout() == 0
                ? settings.defaultCreateTimeoutMinutes() : options.createTimeout();
        return Cluster.builder()
                .uuid(request.uuid() == null ? Identifiers.newUuid() : request.uuid())
                .name(request.name() == null ? names.generate(nameSuffix) : request.name())
                .projectId(context.projectId())
                .userId(context.userId())
                .clusterTemplateId(template.uuid())
                .keypair(options.keypair() == null ? template.keypairId() : options.keypair())
                .nodeCount(nodes.nodeCount() == null ? 1 : nodes.nodeCount())
                .masterCount(nodes.masterCount() == null ? 1 : nodes.masterCount())
                .dockerVolumeSize(nodes.dockerVolumeSize() == null ? template.dockerVolumeSize()
                        : nodes.dockerVolumeSize())
                .createTimeout(timeout)
                .discoveryUrl(options.discoveryUrl())
                .status(ClusterLifecycle.start(LifecycleEvent.CREATE_REQUESTED))
                .labels(labels)
                .mergeLabels(asked.given() != null && asked.merge())
                .masterFlavorId(nodes.masterFlavorId() == null ? template.masterFlavorId() : nodes.masterFlavorId())
                .flavorId(nodes.flavorId() == null ? template.flavorId() : nodes.flavorId())
                .fixedNetwork(options.fixedNetwork() == null ? template.fixedNetwork() : options.fixedNetwork())
                .fixedSubnet(options.fixedSubnet() == null ? template.fixedSubnet() : options.fixedSubnet())
                .floatingIpEnabled(options.floatingIpEnabled() == null ? template.floatingIpEnabled()
                        : options.floatingIpEnabled())
                .masterLbEnabled(options.masterLbEnabled() == null ? template.masterLbEnabled()
                        : options.masterLbEnabled())
                .createdAt(clock.instant())
                .build();
    }

    /**
     * Refuses a create that would take the project past its cluster quota. The project's quota lock,
     * held until this transaction commits, makes concurrent creates of one project count and insert
     * one after another, on every replica: each counts the rows the ones before it committed. The
     * count is of the cluster rows themselves, as Magnum counts them, so a cluster being deleted holds
     * its slot until its row is removed, and a refused create leaves nothing behind.
     */
    private void enforceQuota(Repositories repos, String projectId) {
        repos.quotas().lockUsage(projectId, QuotaService.CLUSTER_RESOURCE, clock.instant());
        int limit = repos.quotas().find(projectId, QuotaService.CLUSTER_RESOURCE).map(q -> q.hardLimit())
                .orElse(settings.maxClustersPerProject());
        if (repos.clusters().countInProject(projectId) >= limit) {
            throw MagnetarException.forbidden("You have reached the maximum clusters per project, " + limit
                    + ". You may delete a cluster to make room for a new one.");
        }
    }

    private static String changedMeanwhile(String ident) {
        return "Cluster " + ident + " was changed by another request; retry with its current state.";
    }
}
