package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.Operation;
import dev.magnetar.core.model.OperationKind;
import dev.magnetar.core.conductor.DeploymentContexts;
import dev.magnetar.core.conductor.OperationPayload;
import dev.magnetar.core.conductor.StackNames;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Repositories;
import dev.magnetar.core.port.Scope;
import dev.magnetar.core.status.ClusterStatusMachine;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                    OperationKind.CREATE_CLUSTER, Map.of(), clock.instant()));
            repos.events().record(ClusterEvent.of(cluster, ClusterEventKind.CREATED, actor(context),
                    "requested with " + cluster.masterCount() + " master(s) and " + cluster.nodeCount() + " node(s)",
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
        Cluster cluster = candidate(context, request, template, nameSuffix);
        ClusterTemplateService.checkDockerVolumeSize(template.dockerStorageDriver(), cluster.dockerVolumeSize());
        cloud.requireKeypair(context, cluster.keypair());
        cloud.requireFlavor(context, cluster.flavorId());
        cloud.requireFlavor(context, cluster.masterFlavorId());
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
        return database.transaction(repos -> repos.templates().findByUuid(cluster.clusterTemplateId()))
                .orElseThrow(() -> ClusterTemplateService.notFound(cluster.clusterTemplateId()));
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
     * Returns the cluster as stored (unchanged when the count is already the requested one).
     */
    public Cluster resize(RequestContext context, String ident, int nodeCount, List<String> nodesToRemove,
                          boolean rollback) {
        Policy.requireWriter(context, "cluster:update");
        Cluster resized = database.transaction(repos -> {
            Cluster current = find(repos.clusters(), Policy.scopeFor(context), ident);
            if (!current.status().allowsUpdate()) {
                throw MagnetarException.invalid(
                        "Updating a cluster when status is \"" + current.status() + "\" is not supported.");
            }
            if (current.nodeCount() == nodeCount && nodesToRemove.isEmpty()) {
                return current;
            }
            if (!nodesToRemove.isEmpty() && nodeCount >= current.nodeCount()) {
                throw MagnetarException.invalid("nodes_to_remove can only be given when node_count decreases ("
                        + current.nodeCount() + " -> " + nodeCount + ").");
            }
            Cluster updated = current.toBuilder()
                    .nodeCount(nodeCount)
                    .status(ClusterStatusMachine.transition(current.status(), ClusterStatus.UPDATE_IN_PROGRESS))
                    .statusReason(null)
                    .faults(Map.of())
                    .updatedAt(clock.instant())
                    .build();
            saveOrConflict(repos, updated);
            Map<String, String> payload = new HashMap<>();
            payload.put(OperationPayload.PREVIOUS_NODE_COUNT, Integer.toString(current.nodeCount()));
            payload.put(OperationPayload.ROLLBACK, Boolean.toString(rollback));
            payload.put(OperationPayload.NODES_TO_REMOVE, OperationPayload.encodeList(nodesToRemove));
            repos.operations().insert(Operation.pending(Identifiers.newUuid(), current.uuid(),
                    OperationKind.UPDATE_CLUSTER, payload, clock.instant()));
            repos.events().record(ClusterEvent.of(updated, ClusterEventKind.SCALED, actor(context),
                    "node_count " + current.nodeCount() + " -> " + nodeCount
                            + (nodesToRemove.isEmpty() ? "" : ", removing " + String.join(", ", nodesToRemove)),
                    clock.instant()));
            return repos.clusters().findByUuid(current.uuid()).orElseThrow();
        });
        operationStored.run();
        return resized;
    }

    /** Starts deleting a cluster in any status; a cluster already being deleted is left to finish. */
    public void delete(RequestContext context, String ident) {
        Policy.requireWriter(context, "cluster:delete");
        database.transact(repos -> {
            Cluster current = find(repos.clusters(), Policy.scopeFor(context), ident);
            if (current.status() == ClusterStatus.DELETE_IN_PROGRESS
                    && repos.operations().pendingFor(current.uuid()).stream()
                    .anyMatch(op -> op.kind() == OperationKind.DELETE_CLUSTER)) {
                return;
            }
            Cluster deleting = current.toBuilder()
                    .status(ClusterStatusMachine.transition(current.status(), ClusterStatus.DELETE_IN_PROGRESS))
                    .statusReason(null)
                    .updatedAt(clock.instant())
                    .build();
            saveOrConflict(repos, deleting);
            repos.operations().insert(Operation.pending(Identifiers.newUuid(), current.uuid(),
                    OperationKind.DELETE_CLUSTER, Map.of(), clock.instant()));
            repos.events().record(ClusterEvent.of(deleting, ClusterEventKind.STATUS_CHANGED, actor(context),
                    current.status() + " -> " + deleting.status() + ": deletion requested", clock.instant()));
        });
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
    private static String actor(RequestContext context) {
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
        if (request.labels() == null) {
            labels = template.labels();
        } else if (request.mergeLabels()) {
            labels = new LinkedHashMap<>(template.labels());
            labels.putAll(request.labels());
        } else {
            labels = request.labels();
        }
        int timeout = request.createTimeout() == null || request.createTimeout() == 0
                ? settings.defaultCreateTimeoutMinutes() : request.createTimeout();
        return Cluster.builder()
                .uuid(request.uuid() == null ? Identifiers.newUuid() : request.uuid())
                .name(request.name() == null ? names.generate(nameSuffix) : request.name())
                .projectId(context.projectId())
                .userId(context.userId())
                .clusterTemplateId(template.uuid())
                .keypair(request.keypair() == null ? template.keypairId() : request.keypair())
                .nodeCount(request.nodeCount() == null ? 1 : request.nodeCount())
                .masterCount(request.masterCount() == null ? 1 : request.masterCount())
                .dockerVolumeSize(request.dockerVolumeSize() == null ? template.dockerVolumeSize()
                        : request.dockerVolumeSize())
                .createTimeout(timeout)
                .discoveryUrl(request.discoveryUrl())
                .status(ClusterStatus.CREATE_IN_PROGRESS)
                .labels(labels)
                .mergeLabels(request.labels() != null && request.mergeLabels())
                .masterFlavorId(request.masterFlavorId() == null ? template.masterFlavorId() : request.masterFlavorId())
                .flavorId(request.flavorId() == null ? template.flavorId() : request.flavorId())
                .fixedNetwork(request.fixedNetwork() == null ? template.fixedNetwork() : request.fixedNetwork())
                .fixedSubnet(request.fixedSubnet() == null ? template.fixedSubnet() : request.fixedSubnet())
                .floatingIpEnabled(request.floatingIpEnabled() == null ? template.floatingIpEnabled()
                        : request.floatingIpEnabled())
                .masterLbEnabled(request.masterLbEnabled() == null ? template.masterLbEnabled()
                        : request.masterLbEnabled())
                .createdAt(clock.instant())
                .build();
    }

    private void enforceQuota(Repositories repos, String projectId) {
        int limit = repos.quotas().find(projectId, "Cluster").map(q -> q.hardLimit())
                .orElse(settings.maxClustersPerProject());
        if (repos.clusters().countInProject(projectId) >= limit) {
            throw MagnetarException.forbidden("You have reached the maximum clusters per project, " + limit
                    + ". You may delete a cluster to make room for a new one.");
        }
    }

    private static void saveOrConflict(Repositories repos, Cluster cluster) {
        if (!repos.clusters().update(cluster)) {
            throw MagnetarException.conflict("Cluster " + cluster.uuid()
                    + " was changed by another request; retry with its current state.");
        }
    }
}
