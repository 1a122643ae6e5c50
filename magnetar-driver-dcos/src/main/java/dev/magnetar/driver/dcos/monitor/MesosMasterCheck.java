package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.mesos.agent.LeadingMasterGauges;

/**
 * The leading Mesos master's gauges (docs/reference/dcos-facts.md#mesos-master-health): is a master elected, do
 * the agents the cluster should have take part, and how much of the cluster is in use. A non-leading master knows
 * no agents, so nothing beyond leadership is read from one.
 */
final class MesosMasterCheck implements EndpointCheck {

    @Override
    public String path() {
        return "/mesos/metrics/snapshot";
    }

    @Override
    public String component() {
        return "mesos_master";
    }

    @Override
    public void read(JsonNode snapshot, ClusterShape shape, Findings findings) {
        JsonNode elected = snapshot.get("master/elected");
        if (elected == null || !elected.isNumber()) {
            findings.fail(component(), "metrics snapshot has no master/elected gauge");
            return;
        }
        if (elected.asDouble() != 1.0) {
            findings.fail(component(), "no elected leading master (master/elected is " + elected.asText() + ")");
            return;
        }
        LeadingMasterGauges.read(snapshot, shape.agents(), findings::fail, findings::metric);
    }
}
