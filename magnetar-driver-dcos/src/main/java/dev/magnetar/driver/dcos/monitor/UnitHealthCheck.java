package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cluster-wide systemd units dcos-diagnostics watches (docs/reference/dcos-facts.md#node-and-unit-health); a
 * unit is unhealthy when it is on at least one node.
 */
final class UnitHealthCheck implements EndpointCheck {

    @Override
    public String path() {
        return "/system/health/v1/units";
    }

    @Override
    public String component() {
        return "units";
    }

    @Override
    public void read(JsonNode body, ClusterShape shape, Findings findings) {
        JsonNode units = body.get("units");
        if (units == null || !units.isArray()) {
            findings.fail(component(), "answer from " + path() + " has no units list");
            return;
        }
        for (JsonNode unit : units) {
            if (unit.path("health").asInt(-1) != 0) {
                findings.fail("unit/" + unit.path("id").asText("?"), unit.path("name").asText("unit")
                        + " unhealthy on at least one node (health " + unit.path("health").asText("missing") + ")");
            }
        }
    }
}
