package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.core.model.Operation;
import dev.magnetar.core.model.OperationArguments;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.status.ClusterLifecycle;
import dev.magnetar.core.status.LifecycleEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A cluster's node groups (Magnum's {@code nodegroups}, API 1.9): the default ones, views of the cluster's
 * counts, and the ones a user adds. Adding or removing a group changes the cluster's stack template, so it
 * is a cluster update through the lifecycle table with a {@link OperationArguments.Restack} operation;
 * resizing one is a {@link OperationArguments.Update} naming the group. See
 * docs/design/0008-node-groups-in-the-cluster-spec.md.
 */
public final class NodeGroupService {

    /** Magnum's rule for cluster names, which become part of resource names; a group's name does too. */
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_.-]*$");
    private static final int MAX_NODES = 10_000;

    private final Database database;
    private final ClusterTemplateService templates;
    private final ClusterService clusters;
    private final CloudResources cloud;
    private final Clock clock;
    private final Runnable operationStored;

    /** A cluster with all its groups, defaults first, and the template they were built with. */
    public record Groups(Cluster cluster, ClusterTemplate template, List<NodeGroup> all) {

        /** What was observed of {@code group}: its own state if the conductor recorded one, else the cluster's. */
        public NodeGroupState stateOf(NodeGroup group) {
            NodeGroupState own = cluster.observed().nodeGroupStates().get(group.uuid());
            if (own != null) {
                return own;
            }
            List<String> addresses = switch (group.role()) {
                case NodeGroup.MASTER_ROLE -> group.isDefault() ? cluster.observed().masterAddresses() : List.of();
                case NodeGroup.WORKER_ROLE -> group.isDefault() ? cluster.observed().nodeAddresses() : List.of();
                default -> List.of();
            };
            return new NodeGroupState(cluster.status(), cluster.observed().statusReason(), addresses);
        }
    }

    public NodeGroupService(Database database, ClusterTemplateService templates, ClusterService clusters,
                            CloudResources cloud, Clock clock, Runnable operationStored) {
        this.database = database;
        this.templates = templates;
        this.clusters = clusters;
        this.cloud = cloud;
        this.clock = clock;
        this.operationStored = operationStored;
    }

    /** Every group of the cluster, or those of {@code role} when it is given. */
    public Groups list(RequestContext context, String clusterIdent, String role) {
        Groups groups = groupsOf(clusters.get(context, clusterIdent));
        if (role == null) {
            return groups;
        }
        return new Groups(groups.cluster(), groups.template(),
                groups.all().stream().filter(g -> g.role().equals(role)).toList());
    }

    /** The fields a node group list may be sorted by; {@code id} is the order groups are shown in. */
    public static final java.util.Set<String> SORT_KEYS = java.util.Set.of("id", "uuid", "name", "role",
            "node_count", "created_at", "updated_at");

    /**
     * One page of {@code groups}, in memory: a cluster has a handful. The marker is a group's uuid; one the
     * cluster does not have is not found, as Magnum answers an unknown marker.
     */
    public static List<NodeGroup> page(Groups groups, dev.magnetar.core.port.PageRequest page) {
        java.util.Comparator<NodeGroup> order = switch (page.sortKey()) {
            case "uuid" -> java.util.Comparator.comparing(NodeGroup::uuid);
            case "name" -> java.util.Comparator.comparing(NodeGroup::name);
            case "role" -> java.util.Comparator.comparing(NodeGroup::role);
            case "node_count" -> java.util.Comparator.comparingInt(NodeGroup::nodeCount);
            case "created_at" -> java.util.Comparator.comparing(NodeGroup::createdAt,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            case "updated_at" -> java.util.Comparator.comparing(NodeGroup::updatedAt,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            default -> (a, b) -> 0;
        };
        if (page.direction() == dev.magnetar.core.port.PageRequest.SortDirection.DESC) {
            order = order.reversed();
        }
        List<NodeGroup> sorted = groups.all().stream().sorted(order).toList(); // stable: ties keep list order
        int from = 0;
        if (page.marker() != null) {
            int at = sorted.stream().map(NodeGroup::uuid).toList().indexOf(page.marker());
            if (at < 0) {
                throw MagnetarException.notFound("Nodegroup " + page.marker() + " could not be found.");
            }
            from = at + 1;
        }
        return sorted.subList(from, Math.min(sorted.size(), from + page.limit()));
    }

    public NodeGroup get(RequestContext context, String clusterIdent, String ident) {
        return find(groupsOf(clusters.get(context, clusterIdent)), ident);
    }

    public Groups groupsOf(Cluster cluster) {
        ClusterTemplate template = clusters.templateOf(cluster);
        ClusterDriver driver = templates.driverFor(template);
        return new Groups(cluster, template, NodeGroups.of(cluster, template, driver.impliedNodeGroups(template, cluster)));
    }

    /**
     * Adds a group to the cluster: the cluster moves to UPDATE_IN_PROGRESS and the conductor updates its
     * stack with the group's resources. Returns the group as stored.
     */
    public NodeGroup create(RequestContext context, String clusterIdent, NodeGroupRequest request) {
        Policy.requireWriter(context, "nodegroup:create");
        NodeGroup added = OptimisticRetry.run(() -> changedMeanwhile(clusterIdent), attempt -> {
            Groups groups = groupsOf(clusters.get(context, clusterIdent));
            Cluster current = groups.cluster();
            ClusterDriver driver = templates.driverFor(groups.template());
            NodeGroup group = candidate(groups, driver, request);
            ClusterStatus updating = ClusterLifecycle.transition(current.status(), LifecycleEvent.UPDATE_REQUESTED);
            cloud.requireFlavor(context, group.flavorId());
            ClusterTemplateService.checkDockerVolumeSize(groups.template().dockerStorageDriver(),
                    group.dockerVolumeSize());
            List<NodeGroup> withGroup = new ArrayList<>(current.spec().nodeGroups());
            withGroup.add(group);
            Map<String, NodeGroupState> states = new HashMap<>(current.observed().nodeGroupStates());
            states.put(group.uuid(), new NodeGroupState(ClusterStatus.CREATE_IN_PROGRESS, null, List.of()));
            Cluster updated = current.toBuilder().nodeGroups(withGroup).nodeGroupStates(states).status(updating)
                    .statusReason(null).faults(Map.of()).updatedAt(clock.instant()).build();
            driver.validateCluster(groups.template(), updated);
            driver.validateNodeGroup(groups.template(), updated, group);
            return store(context, current, updated, new OperationArguments.Restack(false),
                    "added node group " + group.name() + " (" + group.role() + ", " + group.nodeCount() + " node(s))")
                    .map(stored -> group);
        });
        operationStored.run();
        return added;
    }

    /**
     * Changes a group's bounds ({@code min_node_count}, {@code max_node_count}), the only fields Magnum lets a
     * PATCH change; its node count changes by a resize. No stack update: the bounds are the API's.
     */
    public NodeGroup updateBounds(RequestContext context, String clusterIdent, String ident, int minNodeCount,
                                  Integer maxNodeCount) {
        Policy.requireWriter(context, "nodegroup:update");
        return OptimisticRetry.run(() -> changedMeanwhile(clusterIdent), attempt -> {
            Groups groups = groupsOf(clusters.get(context, clusterIdent));
            NodeGroup group = find(groups, ident);
            if (group.isDefault()) {
                throw MagnetarException.invalid("The bounds of default node group " + group.name() + " are those of "
                        + "the cluster's own counts and cannot be changed; add a node group to have bounds of its own.");
            }
            checkBounds(group.nodeCount(), minNodeCount, maxNodeCount);
            NodeGroup bounded = new NodeGroup(group.uuid(), group.name(), group.role(), group.nodeCount(), minNodeCount,
                    maxNodeCount, group.flavorId(), group.imageId(), group.dockerVolumeSize(), group.labels(),
                    group.mergeLabels(), false, group.createdAt(), clock.instant());
            Cluster updated = groups.cluster().toBuilder().nodeGroups(replace(groups.cluster(), bounded))
                    .updatedAt(clock.instant()).build();
            return database.transaction(repos -> repos.clusters().update(updated)
                    ? Optional.of(bounded) : Optional.<NodeGroup>empty());
        });
    }

    /** Removes an added group: the conductor updates the stack without the group's resources. */
    public void delete(RequestContext context, String clusterIdent, String ident) {
        Policy.requireWriter(context, "nodegroup:delete");
        OptimisticRetry.run(() -> changedMeanwhile(clusterIdent), attempt -> {
            Groups groups = groupsOf(clusters.get(context, clusterIdent));
            NodeGroup group = find(groups, ident);
            if (group.isDefault()) {
                throw MagnetarException.invalid("Deleting a default nodegroup is not supported.");
            }
            Cluster current = groups.cluster();
            ClusterStatus updating = ClusterLifecycle.transition(current.status(), LifecycleEvent.UPDATE_REQUESTED);
            List<NodeGroup> remaining = new ArrayList<>(current.spec().nodeGroups());
            remaining.removeIf(g -> g.uuid().equals(group.uuid()));
            Map<String, NodeGroupState> states = new HashMap<>(current.observed().nodeGroupStates());
            states.remove(group.uuid());
            Cluster updated = current.toBuilder().nodeGroups(remaining).nodeGroupStates(states).status(updating)
                    .statusReason(null).faults(Map.of()).updatedAt(clock.instant()).build();
            return store(context, current, updated, new OperationArguments.Restack(false),
                    "removed node group " + group.name() + " and its " + group.nodeCount() + " node(s)");
        });
        operationStored.run();
    }

    /**
     * Resizes one group ({@code POST .../actions/resize} with {@code nodegroup}): the default workers as a
     * cluster resize does, an added group within its bounds. Masters are not resized, as in Magnum.
     */
    public Cluster resize(RequestContext context, String clusterIdent, String ident, int nodeCount,
                          List<String> nodesToRemove, boolean rollback) {
        Policy.requireWriter(context, "cluster:resize");
        Groups first = groupsOf(clusters.get(context, clusterIdent));
        NodeGroup target = find(first, ident);
        if (target.role().equals(NodeGroup.MASTER_ROLE) && target.isDefault()) {
            throw MagnetarException.invalid("Resizing a nodegroup with role master is not supported.");
        }
        if (target.isDefault() && target.role().equals(NodeGroup.WORKER_ROLE)) {
            return clusters.resize(context, first.cluster().uuid(), nodeCount, nodesToRemove, rollback);
        }
        if (target.isDefault()) {
            throw MagnetarException.invalid("Default node group " + target.name() + " follows the cluster's labels; "
                    + "change its size there, or add a node group of role " + target.role() + " to resize it here.");
        }
        Cluster resized = OptimisticRetry.run(() -> changedMeanwhile(clusterIdent), attempt -> {
            Groups groups = groupsOf(clusters.get(context, clusterIdent));
            NodeGroup group = find(groups, target.uuid());
            Cluster current = groups.cluster();
            ClusterStatus resizing = ClusterLifecycle.transition(current.status(), LifecycleEvent.RESIZE_REQUESTED);
            if (!group.allows(nodeCount)) {
                throw MagnetarException.invalid("Resizing " + group.name() + " outside the allowed range: "
                        + "min_node_count = " + group.minNodeCount() + ", max_node_count = "
                        + (group.maxNodeCount() == null ? "None" : group.maxNodeCount()) + " (node_count " + nodeCount
                        + ").");
            }
            if (group.nodeCount() == nodeCount && nodesToRemove.isEmpty()) {
                return Optional.of(current);
            }
            if (!nodesToRemove.isEmpty() && nodeCount >= group.nodeCount()) {
                throw MagnetarException.invalid("nodes_to_remove can only be given when node_count decreases ("
                        + group.nodeCount() + " -> " + nodeCount + ").");
            }
            Map<String, NodeGroupState> states = new HashMap<>(current.observed().nodeGroupStates());
            NodeGroupState before = groups.stateOf(group);
            states.put(group.uuid(), new NodeGroupState(ClusterStatus.UPDATE_IN_PROGRESS, null, before.nodeAddresses()));
            Cluster updated = current.toBuilder()
                    .nodeGroups(replace(current, group.withNodeCount(nodeCount, clock.instant())))
                    .nodeGroupStates(states).status(resizing).statusReason(null).faults(Map.of())
                    .updatedAt(clock.instant()).build();
            return store(context, current, updated,
                    new OperationArguments.Update(group.nodeCount(), nodesToRemove, rollback, group.uuid()),
                    "node group " + group.name() + " node_count " + group.nodeCount() + " -> " + nodeCount
                            + (nodesToRemove.isEmpty() ? "" : ", removing " + String.join(", ", nodesToRemove)));
        });
        operationStored.run();
        return resized;
    }

    private Optional<Cluster> store(RequestContext context, Cluster current, Cluster updated,
                                    OperationArguments arguments, String what) {
        return database.transaction(repos -> {
            if (!repos.clusters().update(updated)) {
                return Optional.<Cluster>empty();
            }
            repos.operations().insert(Operation.pending(Identifiers.newUuid(), current.uuid(), arguments,
                    clock.instant()));
            repos.events().record(ClusterEvent.of(updated, ClusterEventKind.NODE_GROUPS_CHANGED,
                    ClusterService.actor(context), what, clock.instant()));
            return repos.clusters().findByUuid(current.uuid());
        });
    }

    private NodeGroup candidate(Groups groups, ClusterDriver driver, NodeGroupRequest request) {
        Cluster cluster = groups.cluster();
        if (driver.nodeGroupRoles().isEmpty()) {
            throw MagnetarException.invalid("Adding node groups is not supported by driver "
                    + driver.descriptor().name() + ".");
        }
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw MagnetarException.invalid("Invalid input for field/attribute name. The name of a node group is "
                    + "mandatory.");
        }
        if (name.length() > 63 || !NAME.matcher(name).matches()) {
            throw MagnetarException.invalid("Invalid input for field/attribute name. Value: '" + name + "'. A node "
                    + "group's name starts with a letter and has only letters, digits, '_', '.' and '-', at most 63.");
        }
        if (groups.all().stream().anyMatch(g -> g.name().equals(name))) {
            throw MagnetarException.conflict("A node group with name " + name + " already exists in the cluster "
                    + cluster.name() + ".");
        }
        String role = request.role() == null ? NodeGroup.WORKER_ROLE : request.role();
        if (!driver.nodeGroupRoles().contains(role)) {
            throw MagnetarException.invalid("Invalid input for field/attribute role. Value: '" + role + "'. Driver "
                    + driver.descriptor().name() + " adds node groups of role(s) "
                    + String.join(", ", new TreeSet<>(driver.nodeGroupRoles())) + ".");
        }
        int nodeCount = request.nodeCount() == null ? 1 : request.nodeCount();
        int min = request.minNodeCount() == null ? 0 : request.minNodeCount();
        checkBounds(nodeCount, min, request.maxNodeCount());
        Map<String, String> labels;
        if (request.labels() == null) {
            labels = cluster.spec().labels();
        } else if (request.mergeLabels()) {
            labels = new LinkedHashMap<>(cluster.spec().labels());
            labels.putAll(request.labels());
        } else {
            labels = request.labels();
        }
        return new NodeGroup(Identifiers.newUuid(), name, role, nodeCount, min, request.maxNodeCount(),
                request.flavorId() == null ? cluster.spec().flavorId() : request.flavorId(),
                request.imageId() == null ? groups.template().imageId() : request.imageId(),
                request.dockerVolumeSize() == null ? cluster.spec().dockerVolumeSize() : request.dockerVolumeSize(),
                labels, request.labels() != null && request.mergeLabels(), false, clock.instant(), clock.instant());
    }

    private static void checkBounds(int nodeCount, int min, Integer max) {
        if (min < 0) {
            throw MagnetarException.invalid("Invalid input for field/attribute min_node_count. Value: '" + min
                    + "'. It cannot be negative.");
        }
        if (max != null && max < min) {
            throw MagnetarException.invalid("Invalid input for field/attribute max_node_count. Value: '" + max
                    + "'. max_node_count (" + max + ") must be greater than or equal to min_node_count (" + min + ").");
        }
        if (nodeCount < min || (max != null && nodeCount > max) || nodeCount > MAX_NODES) {
            throw MagnetarException.invalid("Invalid input for field/attribute node_count. Value: '" + nodeCount
                    + "'. node_count must lie between min_node_count (" + min + ") and max_node_count ("
                    + (max == null ? MAX_NODES : max) + ").");
        }
    }

    private static List<NodeGroup> replace(Cluster cluster, NodeGroup changed) {
        return cluster.spec().nodeGroups().stream().map(g -> g.uuid().equals(changed.uuid()) ? changed : g).toList();
    }

    /** By uuid, or by name: a name that several groups share is a conflict, as Magnum answers it. */
    static NodeGroup find(Groups groups, String ident) {
        if (Identifiers.looksLikeUuid(ident)) {
            String uuid = Identifiers.canonicalUuid(ident);
            Optional<NodeGroup> byUuid = groups.all().stream().filter(g -> g.uuid().equals(uuid)).findFirst();
            if (byUuid.isPresent()) {
                return byUuid.get();
            }
        }
        List<NodeGroup> named = groups.all().stream().filter(g -> g.name().equals(ident)).toList();
        if (named.size() > 1) {
            throw MagnetarException.conflict(
                    "Multiple nodegroups exist with same name. Please use the nodegroup uuid instead.");
        }
        return named.stream().findFirst().orElseThrow(() -> MagnetarException.notFound(
                "Nodegroup " + ident + " could not be found."));
    }

    private static String changedMeanwhile(String ident) {
        return "Cluster " + ident + " was changed by another request; retry with its current state.";
    }
}
