package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies a DC/OS 2.2 cluster's Admin Router answers with, shaped like the recorded fixtures
 * (docs/reference/dcos-facts.md, from "Admin Router routes" to "Cosmos package API"), derived from a cluster's
 * node counts and faults on each request: rendering a few hundred bytes is cheaper than keeping 10,000 clusters'
 * bodies in memory.
 */
final class DcosBodies {

    /** Resources of one simulated agent, in Mesos units (cpus, MB). */
    static final double AGENT_CPUS = 4.0;
    static final double AGENT_MEM_MB = 14_861.0;
    static final double AGENT_DISK_MB = 40_960.0;

    static final String MASTER_UNITS = "dcos-mesos-master.service:Mesos Master,dcos-marathon.service:Marathon,"
            + "dcos-exhibitor.service:Exhibitor,dcos-adminrouter.service:Admin Router Master,"
            + "dcos-diagnostics.service:DC/OS Diagnostics Master,dcos-checks-poststart.service:DC/OS Checks Poststart";
    static final String AGENT_UNIT = "dcos-mesos-slave.service:Mesos Agent";
    static final String PUBLIC_AGENT_UNIT = "dcos-mesos-slave-public.service:Mesos Agent Public";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern SCALAR = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private DcosBodies() {
    }

    /** {@code GET /mesos/metrics/snapshot}: the leading master's gauges; all zero on a non-leader. */
    static byte[] metricsSnapshot(SimCluster cluster) {
        DcosFaults faults = cluster.faults();
        ObjectNode m = JSON.createObjectNode();
        boolean elected = !faults.noMesosLeader();
        int active = elected ? activeAgents(cluster) : 0;
        double load = elected ? utilisation(cluster.spec.id()) : 0.0;
        m.put("master/elected", elected ? 1.0 : 0.0);
        m.put("master/uptime_secs", 86_400.0);
        resource(m, "cpus", active * AGENT_CPUS, load);
        resource(m, "mem", active * AGENT_MEM_MB, load);
        resource(m, "disk", active * AGENT_DISK_MB, load / 4);
        resource(m, "gpus", 0.0, 0.0);
        m.put("master/slaves_active", (double) active);
        m.put("master/slaves_inactive", 0.0);
        m.put("master/slaves_connected", (double) active);
        m.put("master/slaves_disconnected", 0.0);
        m.put("master/slaves_unreachable", elected ? (double) (cluster.spec.agentCount() - active) : 0.0);
        m.put("master/frameworks_active", elected ? 2.0 : 0.0);
        m.put("master/tasks_running", elected ? (double) active : 0.0);
        m.put("registrar/log/recovered", 1.0);
        m.put("registrar/log/ensemble_size", (double) cluster.spec.masterIps().size());
        m.put("system/cpus_total", AGENT_CPUS);
        return bytes(m);
    }

    /** {@code GET /system/health/v1/nodes}: every node that reports, with its health. */
    static byte[] nodes(SimCluster cluster) {
        DcosFaults faults = cluster.faults();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode nodes = body.putArray("nodes");
        DcosClusterSpec spec = cluster.spec;
        for (String ip : spec.masterIps()) {
            node(nodes, ip, "master", faults);
        }
        List<String> agents = reportingAgents(cluster);
        for (String ip : agents) {
            node(nodes, ip, spec.publicAgentIps().contains(ip) ? "agent_public" : "agent", faults);
        }
        return bytes(body);
    }

    /** {@code GET /system/health/v1/units}: the cluster's units, each unhealthy if it is on any node. */
    static byte[] units(SimCluster cluster) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode units = body.putArray("units");
        for (String[] unit : unitsOf(cluster.spec)) {
            units.addObject().put("id", unit[0]).put("name", unit[1])
                    .put("health", unitHealth(cluster, unit[0])).put("description", unit[1]);
        }
        return bytes(body);
    }

    /** {@code GET /system/health/v1}: the answering master's own record, which carries the version. */
    static byte[] masterNode(SimCluster cluster) {
        DcosClusterSpec spec = cluster.spec;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode units = body.putArray("units");
        for (String unit : MASTER_UNITS.split(",")) {
            String[] idName = unit.split(":");
            units.addObject().put("id", idName[0]).put("health", unitHealth(cluster, idName[0])).put("output", "")
                    .put("description", idName[1]).put("help", "See the DC/OS docs for " + idName[1])
                    .put("name", idName[1]);
        }
        body.put("hostname", "dcos-master-0");
        body.put("ip", spec.masterIps().getFirst());
        body.put("dcos_version", spec.dcosVersion());
        body.put("node_role", "master");
        body.put("mesos_id", spec.id() + "-S0");
        body.put("dcos_diagnostics_version", "0.4.0");
        return bytes(body);
    }

    /**
     * {@code GET /mesos/master/slaves}: the agents registered with the leading master, each with the attributes
     * it was installed with (docs/reference/dcos-facts.md#mesos-agents-and-their-attributes). Mesos renders a scalar
     * attribute as a JSON number and ranges or text as a string. A non-leading master knows no agents.
     */
    static byte[] agents(SimCluster cluster) {
        DcosFaults faults = cluster.faults();
        DcosClusterSpec spec = cluster.spec;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode slaves = body.putArray("slaves");
        body.putArray("recovered_slaves");
        if (faults.noMesosLeader()) {
            return bytes(body);
        }
        List<String> agents = reportingAgents(cluster);
        for (int i = 0; i < agents.size(); i++) {
            String ip = agents.get(i);
            ObjectNode agent = slaves.addObject();
            agent.put("id", spec.id() + "-S" + (i + 1));
            agent.put("hostname", ip);
            agent.put("port", 5051);
            ObjectNode attributes = agent.putObject("attributes");
            if (!faults.attributesDropped().contains(ip)) {
                if (spec.publicAgentIps().contains(ip)) {
                    attributes.put("public_ip", "true");
                }
                attributes(attributes, spec.agentAttributes().getOrDefault(ip, ""));
            }
            agent.put("pid", "slave(1)@" + ip + ":5051");
            agent.put("registered_time", 1_700_000_100.51);
            agent.putObject("resources").put("cpus", AGENT_CPUS).put("gpus", 0.0).put("mem", AGENT_MEM_MB)
                    .put("disk", AGENT_DISK_MB).put("ports", "[1025-2180, 2182-3887, 3889-5049, 5052-8079]");
            agent.putObject("used_resources").put("cpus", 0.0).put("gpus", 0.0).put("mem", 0.0).put("disk", 0.0);
            agent.put("active", true);
            agent.put("deactivated", false);
            agent.put("version", "1.11.0");
        }
        return bytes(body);
    }

    /** {@code key:value;...} into Mesos's JSON: numbers for scalars, strings for ranges and text. */
    private static void attributes(ObjectNode into, String attributes) {
        for (String pair : attributes.split(";")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = pair.substring(0, colon).trim();
            String value = pair.substring(colon + 1).trim();
            if (SCALAR.matcher(value).matches()) {
                into.put(key, Double.parseDouble(value));
            } else {
                into.put(key, value);
            }
        }
    }

    /** {@code GET /marathon/v2/info}. */
    static byte[] marathonInfo(SimCluster cluster) {
        String leader = cluster.spec.masterIps().getFirst();
        ObjectNode info = JSON.createObjectNode();
        info.put("name", "marathon");
        info.put("version", "1.10.26");
        info.put("buildref", "unknown");
        info.put("elected", true);
        info.put("leader", leader + ":8080");
        info.put("frameworkId", cluster.spec.id() + "-0001");
        info.putObject("marathon_config").put("framework_name", "marathon").put("ha", true)
                .put("hostname", leader).put("mesos_role", "slave_public");
        info.putObject("zookeeper_config").put("zk_timeout", 10_000);
        info.putObject("http_config").put("http_port", 8080).put("https_port", 8443);
        return bytes(info);
    }

    /** {@code GET /exhibitor/exhibitor/v1/cluster/status}: one member per master, the first leading. */
    static byte[] exhibitorStatus(SimCluster cluster) {
        List<String> masters = cluster.spec.masterIps();
        int down = Math.min(cluster.faults().zookeeperMembersDown(), masters.size());
        ArrayNode members = JSON.createArrayNode();
        for (int i = 0; i < masters.size(); i++) {
            boolean serving = i < masters.size() - down;
            members.addObject().put("code", serving ? 3 : 1).put("description", serving ? "serving" : "down")
                    .put("hostname", masters.get(i)).put("isLeader", serving && i == 0);
        }
        return bytes(members);
    }

    static byte[] error(String title, String description, String code) {
        return bytes(JSON.createObjectNode().put("title", title).put("description", description).put("code", code));
    }

    static byte[] token(String token) {
        return bytes(JSON.createObjectNode().put("token", token));
    }

    private static List<String[]> unitsOf(DcosClusterSpec spec) {
        List<String[]> units = new ArrayList<>();
        for (String unit : MASTER_UNITS.split(",")) {
            units.add(unit.split(":"));
        }
        if (!spec.agentIps().isEmpty()) {
            units.add(AGENT_UNIT.split(":"));
        }
        if (!spec.publicAgentIps().isEmpty()) {
            units.add(PUBLIC_AGENT_UNIT.split(":"));
        }
        return units;
    }

    private static int unitHealth(SimCluster cluster, String unitId) {
        return cluster.faults().unhealthyUnits().contains(unitId) ? 1 : 0;
    }

    private static void node(ArrayNode nodes, String ip, String role, DcosFaults faults) {
        nodes.addObject().put("host_ip", ip).put("health", faults.unhealthyNodes().contains(ip) ? 1 : 0)
                .put("role", role);
    }

    private static int activeAgents(SimCluster cluster) {
        return Math.max(0, cluster.spec.agentCount() - cluster.faults().missingAgents());
    }

    /** Agents that report: missing ones are taken from the private agents first, then the public ones. */
    private static List<String> reportingAgents(SimCluster cluster) {
        int missing = Math.min(cluster.faults().missingAgents(), cluster.spec.agentCount());
        int privateMissing = Math.min(missing, cluster.spec.agentIps().size());
        List<String> reporting = new ArrayList<>(cluster.spec.agentIps().subList(privateMissing,
                cluster.spec.agentIps().size()));
        reporting.addAll(cluster.spec.publicAgentIps().subList(missing - privateMissing,
                cluster.spec.publicAgentIps().size()));
        return reporting;
    }

    private static void resource(ObjectNode m, String name, double total, double load) {
        double used = Math.round(total * load * 100) / 100.0;
        m.put("master/" + name + "_total", total);
        m.put("master/" + name + "_used", used);
        m.put("master/" + name + "_percent", total == 0 ? 0.0 : used / total);
    }

    /** A stable share of the cluster in use, 10-60 %, so different clusters report different figures. */
    private static double utilisation(String id) {
        return 0.10 + Math.floorMod(id.hashCode(), 51) / 100.0;
    }

    private static byte[] bytes(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
