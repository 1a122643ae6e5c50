package dev.magnetar.driver.mesos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.mesos.agent.LeadingMasterGauges;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges what a poll read (docs/reference/dcos-facts.md#mesos-master-health and #marathon-and-exhibitor) against
 * the shape the cluster was asked to have: every master answers, one is the elected leader with a recovered
 * replicated log, as many agents are active as {@code node_count} asks and none is registered but inactive, and
 * Marathon has an elected leader. Pure, so each rule is specified without a network.
 *
 * @param masters      each master's {@code /metrics/snapshot} reply, by master address, in order
 * @param leaderState  the leading master's {@code /master/state}; empty when no leader was found
 * @param marathonInfo Marathon's {@code /v2/info} at the cluster's api_address
 */
record MesosHealth(Map<String, Reply> masters, Optional<Reply> leaderState, Reply marathonInfo,
                   int expectedAgents) {

    MesosHealth {
        masters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(masters));
    }

    /** The master whose snapshot says it is elected, if one does. */
    static Optional<String> leader(Map<String, Reply> masters) {
        return masters.entrySet().stream()
                .filter(e -> e.getValue() instanceof Reply.Json json && json.body().path("master/elected").asDouble(0) == 1.0)
                .map(Map.Entry::getKey).findFirst();
    }

    /** UNKNOWN when nothing answered at all; otherwise HEALTHY or UNHEALTHY with a reason per failing part. */
    HealthReport report() {
        List<Reply> all = new java.util.ArrayList<>(masters.values());
        all.add(marathonInfo);
        if (all.stream().allMatch(Reply.Unreachable.class::isInstance)) {
            return HealthReport.unknown("cannot reach any Mesos master (" + String.join(", ", masters.keySet())
                    + ") nor Marathon: " + ((Reply.Unreachable) all.getFirst()).why());
        }
        Map<String, String> failures = new TreeMap<>();
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("agents_expected", (double) expectedAgents);
        masters.forEach((address, reply) -> {
            String problem = switch (reply) {
                case Reply.Unreachable u -> "unreachable at " + u.where() + ": " + u.why();
                case Reply.Bad b -> b.why() + " from " + b.where();
                case Reply.Json json -> json.body().path("master/elected").isNumber() ? null
                        : "metrics snapshot has no master/elected gauge";
            };
            if (problem != null) {
                failures.put("master " + address, problem);
            }
        });
        Optional<String> leader = leader(masters);
        if (leader.isEmpty()) {
            failures.merge("mesos_master", "no elected leading master among the " + masters.size() + " masters",
                    (a, b) -> a + "; " + b);
        } else {
            LeadingMasterGauges.read(((Reply.Json) masters.get(leader.get())).body(), expectedAgents,
                    failures::put, metrics::put);
        }
        String version = leaderState.flatMap(state -> state instanceof Reply.Json json ? Optional.of(json.body())
                : Optional.empty()).map(state -> inactiveAgents(state, failures)).orElse(null);
        marathon(failures);
        return new HealthReport(failures.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, failures,
                version, metrics);
    }

    /** Names each agent the leader knows but does not use; answers the leader's Mesos version. */
    private static String inactiveAgents(JsonNode state, Map<String, String> failures) {
        for (JsonNode agent : state.path("slaves")) {
            if (!agent.path("active").asBoolean(true)) {
                failures.put("agent " + agent.path("hostname").asText(agent.path("id").asText("?")),
                        "registered but inactive");
            }
        }
        String version = state.path("version").asText("");
        return version.isEmpty() ? null : version;
    }

    private void marathon(Map<String, String> failures) {
        switch (marathonInfo) {
            case Reply.Unreachable u -> failures.put("marathon", "unreachable at " + u.where() + ": " + u.why());
            case Reply.Bad b -> failures.put("marathon", b.why() + " from " + b.where());
            case Reply.Json json -> {
                if (!json.body().path("elected").asBoolean(false) || json.body().path("leader").asText("").isEmpty()) {
                    failures.put("marathon", "no elected leader");
                }
            }
        }
    }
}
