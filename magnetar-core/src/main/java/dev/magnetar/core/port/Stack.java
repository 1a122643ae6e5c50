package dev.magnetar.core.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stack as the orchestrator reports it now.
 *
 * @param status     Heat's stack status, read into an action and a phase by the adapter
 * @param outputs    output values by name (lists, strings, maps), present once resolvable
 * @param parameters the parameter values the stack currently has
 * @param settledAt  when its last action settled (completed or failed), where the orchestrator says so
 *                   (the simulated one does); null while in progress or when not said. Only measured
 *                   with: how long after it the conductor showed the cluster's status.
 */
public record Stack(String id, String name, StackStatus status, String statusReason, Map<String, Object> outputs,
                    Map<String, Object> parameters, java.time.Instant settledAt) {

    /** A stack whose orchestrator does not say when it settled. */
    public Stack(String id, String name, StackStatus status, String statusReason, Map<String, Object> outputs,
                 Map<String, Object> parameters) {
        this(id, name, status, statusReason, outputs, parameters, null);
    }

    public Stack {
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
