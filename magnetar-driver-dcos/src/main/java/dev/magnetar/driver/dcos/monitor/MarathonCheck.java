package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Marathon, DC/OS's scheduler for long-running services, must have an elected leader
 * (docs/reference/dcos-facts.md#marathon-and-exhibitor).
 */
final class MarathonCheck implements EndpointCheck {

    @Override
    public String path() {
        return "/marathon/v2/info";
    }

    @Override
    public String component() {
        return "marathon";
    }

    @Override
    public void read(JsonNode info, ClusterShape shape, Findings findings) {
        boolean elected = info.path("elected").asBoolean(false);
        String leader = info.path("leader").asText("");
        if (!elected || leader.isEmpty()) {
            findings.fail(component(), "no elected leader");
        }
    }
}
