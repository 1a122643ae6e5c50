package dev.magnetar.core.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A cluster's node groups as Magnum shows them: the default master and worker groups, views of the
 * spec's counts and flavors; then any default group the cluster's driver implies (DC/OS's public agents
 * from its {@code dcos_public_agent_count} label); then the groups a user added, from the spec.
 */
public final class NodeGroups {

    public static final String DEFAULT_MASTER = "default-master";
    public static final String DEFAULT_WORKER = "default-worker";

    private NodeGroups() {
    }

    /**
     * @param implied the default groups the cluster's driver derives from its labels, already built with
     *                {@link #defaultView}
     */
    public static List<NodeGroup> of(Cluster cluster, ClusterTemplate template, List<NodeGroup> implied) {
        ClusterSpec spec = cluster.spec();
        List<NodeGroup> all = new ArrayList<>();
        all.add(defaultView(cluster, template, DEFAULT_MASTER, NodeGroup.MASTER_ROLE, spec.masterCount(), 1,
                spec.masterFlavorId()));
        all.add(defaultView(cluster, template, DEFAULT_WORKER, NodeGroup.WORKER_ROLE, spec.nodeCount(), 0,
                spec.flavorId()));
        all.addAll(implied);
        all.addAll(spec.nodeGroups());
        return List.copyOf(all);
    }

    /**
     * A default group that mirrors the cluster: its labels, docker volume size and template image, and a
     * uuid derived from the cluster's uuid and the group's name, so that the view has the same uuid on
     * every read and every replica.
     */
    public static NodeGroup defaultView(Cluster cluster, ClusterTemplate template, String name, String role,
                                        int nodeCount, int minNodeCount, String flavorId) {
        return new NodeGroup(defaultUuid(cluster.uuid(), name), name, role, nodeCount, minNodeCount, null, flavorId,
                template.imageId(), cluster.spec().dockerVolumeSize(), cluster.spec().labels(),
                cluster.spec().mergeLabels(), true, cluster.createdAt(), cluster.updatedAt());
    }

    static String defaultUuid(String clusterUuid, String name) {
        return UUID.nameUUIDFromBytes(("magnetar-default-nodegroup/" + clusterUuid + "/" + name)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * What each added group becomes when the cluster's one stack settles (or the cluster gives up on it):
     * the cluster's status and reason, with the addresses read for it, else those it had.
     *
     * @param addresses the addresses read from the stack by group uuid; empty when the outputs were not read
     */
    public static Map<String, NodeGroupState> settled(Cluster cluster, ClusterStatus status, String reason,
                                                      Map<String, List<String>> addresses) {
        Map<String, NodeGroupState> states = new LinkedHashMap<>();
        for (NodeGroup group : cluster.spec().nodeGroups()) {
            NodeGroupState before = cluster.observed().nodeGroupStates().get(group.uuid());
            List<String> seen = addresses.getOrDefault(group.uuid(),
                    before == null ? List.of() : before.nodeAddresses());
            states.put(group.uuid(), new NodeGroupState(status, reason, seen));
        }
        return states;
    }

    /** The added group with this uuid, if the spec has one. */
    public static Optional<NodeGroup> added(ClusterSpec spec, String uuid) {
        return spec.nodeGroups().stream().filter(g -> g.uuid().equals(uuid)).findFirst();
    }

    /** The nodes the spec asks for beyond the masters: the default workers plus every added group's. */
    public static int addedNodeCount(ClusterSpec spec) {
        return spec.nodeGroups().stream().mapToInt(NodeGroup::nodeCount).sum();
    }
}
