package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.port.Stack;

import java.util.ArrayList;
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

    static ClusterObservation observe(Stack stack) {
        Map<String, Object> out = stack.outputs();
        List<String> nodes = new ArrayList<>(strings(out.get("agent_addresses")));
        nodes.addAll(strings(out.get("public_agent_addresses")));
        return new ClusterObservation(text(out.get("api_address")), strings(out.get("master_addresses")), nodes,
                version(out.get("dcos_version")), version(out.get("docker_version")));
    }
}
