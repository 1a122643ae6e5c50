package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leading Mesos master's gauges ({@code dcos-mesos.md} §3.2): is a master elected, do the agents
 * the cluster should have take part, and how much of the cluster is in use. A non-leading master
 * knows no agents, so nothing beyond leadership is read from one.
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
        JsonNode recovered = snapshot.get("registrar/log/recovered");
        if (recovered != null && recovered.asDouble() != 1.0) {
            findings.fail("mesos_registrar", "replicated log not recovered (registrar/log/recovered is "
                    + recovered.asText() + ")");
        }
        copy(snapshot, "master/cpus_used", "cpu_used", findings);
        copy(snapshot, "master/cpus_total", "cpu_total", findings);
        copy(snapshot, "master/mem_used", "mem_used_mb", findings);
        copy(snapshot, "master/mem_total", "mem_total_mb", findings);
        copy(snapshot, "master/disk_used", "disk_used_mb", findings);
        copy(snapshot, "master/disk_total", "disk_total_mb", findings);
        JsonNode active = snapshot.get("master/slaves_active");
        if (active == null || !active.isNumber()) {
            findings.fail("mesos_agents", "metrics snapshot has no master/slaves_active gauge");
            return;
        }
        findings.metric("agents_active", active.asDouble());
        long activeAgents = Math.round(active.asDouble());
        if (activeAgents < shape.agents()) {
            findings.fail("mesos_agents", activeAgents + " of " + shape.agents() + " agents active");
        } else if (activeAgents > shape.agents()) {
            findings.fail("mesos_agents", activeAgents + " agents active where " + shape.agents()
                    + " are expected");
        }
    }

    private static void copy(JsonNode snapshot, String gauge, String metric, Findings findings) {
        JsonNode value = snapshot.get(gauge);
        if (value != null && value.isNumber()) {
            findings.metric(metric, value.asDouble());
        }
    }
}
