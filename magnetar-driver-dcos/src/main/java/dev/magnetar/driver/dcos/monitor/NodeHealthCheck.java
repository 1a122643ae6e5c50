package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * dcos-diagnostics' view of every node (docs/reference/dcos-facts.md#node-and-unit-health): each node must report
 * health 0, and every node the cluster should have must report at all.
 */
final class NodeHealthCheck implements EndpointCheck {

    @Override
    public String path() {
        return "/system/health/v1/nodes";
    }

    @Override
    public String component() {
        return "nodes";
    }

    @Override
    public void read(JsonNode body, ClusterShape shape, Findings findings) {
        JsonNode nodes = body.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            findings.fail(component(), "answer from " + path() + " has no nodes list");
            return;
        }
        for (JsonNode node : nodes) {
            int health = node.path("health").asInt(-1);
            if (health != 0) {
                findings.fail("node/" + node.path("host_ip").asText("?"), node.path("role").asText("node")
                        + " unhealthy in dcos-diagnostics (health " + node.path("health").asText("missing") + ")");
            }
        }
        if (nodes.size() != shape.nodes()) {
            findings.fail(component(), nodes.size() + " of " + shape.nodes() + " nodes report to dcos-diagnostics");
        }
    }
}
