package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.driver.dcos.heat.DcosPools;
import dev.magnetar.driver.dcos.labels.DcosLabelSchema;
import dev.magnetar.driver.dcos.labels.DcosLabels;

/**
 * How many of each node a healthy cluster has, from what was asked for: what the cluster reports
 * is measured against this, never against itself.
 */
record ClusterShape(int masters, int privateAgents, int publicAgents) {

    /** The default agents, the public ones the label asks for, and every added node group's. */
    static ClusterShape of(Cluster cluster, DcosLabels labels) {
        int publicAgents = labels.labels().effective(DcosLabelSchema.DCOS_PUBLIC_AGENT_COUNT).map(ClusterShape::count)
                .orElse(0);
        int privateAgents = cluster.spec().nodeCount();
        for (NodeGroup group : cluster.spec().nodeGroups()) {
            if (DcosPools.isPublic(group)) {
                publicAgents += group.nodeCount();
            } else {
                privateAgents += group.nodeCount();
            }
        }
        return new ClusterShape(cluster.spec().masterCount(), privateAgents, publicAgents);
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
