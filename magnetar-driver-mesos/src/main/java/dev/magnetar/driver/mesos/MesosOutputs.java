package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.Stack;
import dev.magnetar.driver.mesos.heat.MesosPools;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.magnetar.driver.kit.stack.StackOutputs.version;
import static dev.magnetar.driver.kit.stack.StackOutputs.strings;
import static dev.magnetar.driver.kit.stack.StackOutputs.text;

/**
 * Reads a Mesos stack's outputs back into cluster fields. The masters' wait condition gives the
 * Mesos version; each agent's gives its Docker version, so that output is a list of such data.
 */
final class MesosOutputs {

    private MesosOutputs() {
    }

    /** The added node pools' agents are theirs alone: each pool's own output, not the cluster's nodes. */
    static ClusterObservation observe(Stack stack, List<NodeGroup> pools) {
        Map<String, Object> out = stack.outputs();
        Map<String, List<String>> poolAddresses = new LinkedHashMap<>();
        pools.forEach(g -> poolAddresses.put(g.uuid(), strings(out.get(NodePoolStack.addressesOutput(g)))));
        return new ClusterObservation(text(out.get("api_address")), strings(out.get("master_addresses")),
                strings(out.get("node_addresses")), version(out.get("mesos_version")),
                version(out.get("docker_versions")), poolAddresses);
    }
}
