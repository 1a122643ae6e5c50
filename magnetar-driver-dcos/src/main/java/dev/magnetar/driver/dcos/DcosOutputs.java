package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.Stack;
import dev.magnetar.driver.dcos.heat.DcosPools;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.magnetar.driver.kit.stack.StackOutputs.version;
import static dev.magnetar.driver.kit.stack.StackOutputs.strings;
import static dev.magnetar.driver.kit.stack.StackOutputs.text;

/**
 * Reads a DC/OS stack's outputs back into cluster fields: private and public agents are both the
 * cluster's nodes; versions arrive as the bootstrap's and masters' wait condition data.
 */
final class DcosOutputs {

    private DcosOutputs() {
    }

    /** The added node groups' agents are theirs alone: each group's own output, not the cluster's nodes. */
    static ClusterObservation observe(Stack stack, List<NodeGroup> pools) {
        Map<String, Object> out = stack.outputs();
        List<String> nodes = new ArrayList<>(strings(out.get("agent_addresses")));
        nodes.addAll(strings(out.get("public_agent_addresses")));
        Map<String, List<String>> poolAddresses = new LinkedHashMap<>();
        pools.forEach(g -> poolAddresses.put(g.uuid(), strings(out.get(NodePoolStack.addressesOutput(g)))));
        return new ClusterObservation(text(out.get("api_address")), strings(out.get("master_addresses")), nodes,
                version(out.get("dcos_version")), version(out.get("docker_version")), poolAddresses);
    }
}
