package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.Stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a driver's stack scales: only its agents, through {@code number_of_agents} and, when the
 * request names the nodes to go, {@code agents_to_remove}; {@code number_of_masters} is fixed at
 * create, because the masters hold a quorum.
 *
 * @param mastersFixedBecause why this COE cannot change its masters, ending the refusal
 * @param anAgent             what an agent of this COE is called in a refusal, e.g. "an agent"
 */
public record AgentScaling(String mastersFixedBecause, String anAgent) {

    /** The changed parameters for {@code cluster}'s new size; refuses a change of master count. */
    public Map<String, Object> parameters(Cluster cluster, List<String> nodesToRemove, Stack current) {
        Object masters = current.parameters().get("number_of_masters");
        if (masters != null && !masters.toString().equals(Integer.toString(cluster.spec().masterCount()))) {
            throw MagnetarException.invalid("master_count cannot change from " + masters + " to "
                    + cluster.spec().masterCount() + ": " + mastersFixedBecause);
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("number_of_agents", cluster.spec().nodeCount());
        if (nodesToRemove != null && !nodesToRemove.isEmpty()) {
            changed.put("agents_to_remove", AgentMembers.of(current).memberNames(nodesToRemove, anAgent));
        }
        return changed;
    }
}
