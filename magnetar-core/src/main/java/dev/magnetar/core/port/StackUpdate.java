package dev.magnetar.core.port;

import java.util.Map;

/**
 * An in-place stack update: the changed parameters only (Heat's PATCH with {@code existing}), and whether
 * Heat may roll back a failed update; or, when {@code replacement} is set, the whole stack as the driver
 * renders it now (its template, files and environment replace the stack's, its parameters are all given).
 *
 * @param replacement the stack's new template and parameters, null to keep the template
 */
public record StackUpdate(Map<String, Object> changedParameters, boolean disableRollback, int timeoutMinutes,
                          StackSpec replacement) {

    public StackUpdate {
        changedParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedParameters));
    }

    /** Changed parameters on the stack's own template. */
    public StackUpdate(Map<String, Object> changedParameters, boolean disableRollback, int timeoutMinutes) {
        this(changedParameters, disableRollback, timeoutMinutes, null);
    }

    /** The stack as {@code spec} renders it: a template that changed with the cluster's node groups. */
    public static StackUpdate replacing(StackSpec spec, boolean disableRollback, int timeoutMinutes) {
        return new StackUpdate(spec.parameters(), disableRollback, timeoutMinutes, spec);
    }
}
