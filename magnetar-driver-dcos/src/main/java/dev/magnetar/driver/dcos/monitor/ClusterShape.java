package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import dev.magnetar.driver.dcos.heat.DcosPools;
import dev.magnetar.driver.dcos.labels.DcosLabelSchema;
import dev.magnetar.driver.dcos.labels.DcosLabels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of each node a healthy cluster has, and the Mesos attributes each node pool's agents must
 * carry, from what was asked for: what the cluster reports is measured against this, never against itself.
 */
record ClusterShape(int masters, int privateAgents, int publicAgents, List<Pool> pools) {

    /**
     * A node pool whose agents must carry Mesos attributes.
     *
     * @param addresses  its agents' addresses, as last read from the stack
     * @param attributes attribute name to the value asked for
     */
    record Pool(String name, List<String> addresses, Map<String, String> attributes) {

        Pool {
            addresses = List.copyOf(addresses);
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    ClusterShape {
        pools = List.copyOf(pools);
    }

    ClusterShape(int masters, int privateAgents, int publicAgents) {
        this(masters, privateAgents, publicAgents, List.of());
    }

    /** The default agents, the public ones the label asks for, and every added node group's. */
    static ClusterShape of(Cluster cluster, DcosLabels labels) {
        int publicAgents = labels.labels().effective(DcosLabelSchema.DCOS_PUBLIC_AGENT_COUNT).map(ClusterShape::count)
                .orElse(0);
        int privateAgents = cluster.spec().nodeCount();
        List<Pool> pools = new ArrayList<>();
        for (NodeGroup group : cluster.spec().nodeGroups()) {
            Map<String, String> attributes = attributes(group.labels().get(DcosLabelSchema.DCOS_MESOS_ATTRIBUTES));
            NodeGroupState state = cluster.observed().nodeGroupStates().get(group.uuid());
            if (!attributes.isEmpty() && state != null && !state.nodeAddresses().isEmpty()) {
                pools.add(new Pool(group.name(), state.nodeAddresses(), attributes));
            }
            if (DcosPools.isPublic(group)) {
                publicAgents += group.nodeCount();
            } else {
                privateAgents += group.nodeCount();
            }
        }
        return new ClusterShape(cluster.spec().masterCount(), privateAgents, publicAgents, pools);
    }

    /** {@code key:value;...} as the label gives it (already validated by MesosAttributes' rules). */
    static Map<String, String> attributes(String label) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (label == null) {
            return attributes;
        }
        for (String pair : label.split(";")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                attributes.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        }
        return attributes;
    }

    /** Mesos agents: private and public alike register with the master. */
    int agents() {
        return privateAgents + publicAgents;
    }

    /** Every node dcos-diagnostics should list. */
    int nodes() {
        return masters + agents();
    }

    private static int count(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
