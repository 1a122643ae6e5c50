package dev.magnetar.core.port;

import java.util.Map;

/**
 * A stack as the orchestrator reports it now.
 *
 * @param status     Heat's stack status string, e.g. {@code CREATE_COMPLETE}
 * @param outputs    output values by name (lists, strings, maps), present once resolvable
 * @param parameters the parameter values the stack currently has
 */
public record Stack(String id, String name, String status, String statusReason, Map<String, Object> outputs,
                    Map<String, Object> parameters) {

    public Stack {
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
