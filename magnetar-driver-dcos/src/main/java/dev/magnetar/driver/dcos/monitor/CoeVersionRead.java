package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DC/OS version the answering master runs, from its own dcos-diagnostics record ({@code GET
 * /system/health/v1}, docs/reference/dcos-facts.md#node-and-unit-health). Informational: a missing version is no
 * health finding, since the nodes and units checks already judge dcos-diagnostics.
 */
final class CoeVersionRead implements EndpointCheck {

    @Override
    public String path() {
        return "/system/health/v1";
    }

    @Override
    public String component() {
        return "coe_version";
    }

    @Override
    public void read(JsonNode node, ClusterShape shape, Findings findings) {
        findings.coeVersion(node.path("dcos_version").asText(null));
    }

    @Override
    public void unavailable(String why, Findings findings) {
        // the version is best effort; health is judged by the other checks
    }
}
