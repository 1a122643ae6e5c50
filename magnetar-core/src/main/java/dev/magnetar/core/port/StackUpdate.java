package dev.magnetar.core.port;

import java.util.Map;

/**
 * An in-place stack update: the changed parameters only (Heat's PATCH with {@code existing}),
 * and whether Heat may roll back a failed update.
 */
public record StackUpdate(Map<String, Object> changedParameters, boolean disableRollback, int timeoutMinutes) {

    public StackUpdate {
        changedParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedParameters));
    }
}
