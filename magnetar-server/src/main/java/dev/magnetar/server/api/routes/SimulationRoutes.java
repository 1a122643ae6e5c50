package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import dev.magnetar.sim.dcos.DcosFaults;
import dev.magnetar.sim.dcos.SimulatedDcos;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Fault controls of the simulated DC/OS clusters, for demos and tests: {@code GET} and {@code PUT
 * /v1/simulation/dcos/{cluster_uuid}/faults}. Admin only, and only where the cloud is simulated.
 * A cluster is served (and so has faults) once the monitor has polled it. {@code wrong_ca} makes its
 * Admin Router present a certificate from another CA than the one the monitor pinned; {@code attributes_dropped}
 * lists agent addresses that register with Mesos without their attributes.
 */
public final class SimulationRoutes {

    private static final Set<String> FIELDS = Set.of("unhealthy_nodes", "unhealthy_units", "no_mesos_leader",
            "missing_agents", "zookeeper_members_down", "marathon_down", "response_delay_ms",
            "unreachable_repositories", "wrong_ca", "attributes_dropped");

    private final SimulatedDcos dcos;

    public SimulationRoutes(SimulatedDcos dcos) {
        this.dcos = dcos;
    }

    public void register(Javalin app) {
        app.get("/v1/simulation/dcos/{cluster}/faults", this::show);
        app.put("/v1/simulation/dcos/{cluster}/faults", this::replace);
    }

    private void show(Context http) {
        http.json(view(dcos.faults(served(http))));
    }

    private void replace(Context http) {
        String cluster = served(http);
        JsonNode body = Requests.body(http);
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw MagnetarException.invalid("Unknown fault '" + name + "'; known: " + String.join(", ",
                        new java.util.TreeSet<>(FIELDS)));
            }
        });
        DcosFaults faults;
        try {
            faults = new DcosFaults(strings(body.path("unhealthy_nodes")), strings(body.path("unhealthy_units")),
                    body.path("no_mesos_leader").asBoolean(false), body.path("missing_agents").asInt(0),
                    body.path("zookeeper_members_down").asInt(0), body.path("marathon_down").asBoolean(false),
                    Duration.ofMillis(body.path("response_delay_ms").asLong(0)),
                    strings(body.path("unreachable_repositories")), body.path("wrong_ca").asBoolean(false),
                    strings(body.path("attributes_dropped")));
        } catch (IllegalArgumentException e) {
            throw MagnetarException.invalid(e.getMessage());
        }
        dcos.setFaults(cluster, faults);
        http.json(view(faults));
    }

    private String served(Context http) {
        if (!Requests.context(http).isAdmin()) {
            throw MagnetarException.forbidden("Only an admin may change the simulated cloud.");
        }
        String cluster = http.pathParam("cluster");
        if (!dcos.isRegistered(cluster)) {
            throw MagnetarException.notFound("The simulated DC/OS serves no cluster " + cluster
                    + " (it is served from the monitor's first poll of a completed dcos cluster).");
        }
        return cluster;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static ObjectNode view(DcosFaults faults) {
        ObjectNode o = Json.object();
        faults.unhealthyNodes().stream().sorted().forEach(o.putArray("unhealthy_nodes")::add);
        faults.unhealthyUnits().stream().sorted().forEach(o.putArray("unhealthy_units")::add);
        o.put("no_mesos_leader", faults.noMesosLeader());
        o.put("missing_agents", faults.missingAgents());
        o.put("zookeeper_members_down", faults.zookeeperMembersDown());
        o.put("marathon_down", faults.marathonDown());
        o.put("response_delay_ms", faults.responseDelay().toMillis());
        faults.unreachableRepositories().stream().sorted().forEach(o.putArray("unreachable_repositories")::add);
        o.put("wrong_ca", faults.wrongCa());
        faults.attributesDropped().stream().sorted().forEach(o.putArray("attributes_dropped")::add);
        return o;
    }
}
