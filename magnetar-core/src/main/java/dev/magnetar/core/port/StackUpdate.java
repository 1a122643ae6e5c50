package dev.magnetar.core.port;

import java.util.Optional;

/**
 * An in-place stack update: the changed parameters only (Heat's PATCH with {@code existing}),
 * whether Heat may roll back a failed update, and, for an update that changes what the stack is made
 * of (an upgrade), the new template, files and environment: parameters not named keep their values
 * either way.
 *
 * @param template the stack's new template, files and environment; empty keeps the current ones
 */
public record StackUpdate(java.util.Map<String, Object> changedParameters, boolean disableRollback,
                          int timeoutMinutes, Optional<StackSpec> template) {

    public StackUpdate {
        changedParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedParameters));
        template = template == null ? Optional.empty() : template;
    }

    /** A parameters-only update: the stack keeps its template. */
    public StackUpdate(java.util.Map<String, Object> changedParameters, boolean disableRollback, int timeoutMinutes) {
        this(changedParameters, disableRollback, timeoutMinutes, Optional.empty());
    }

    /** An update to {@code spec}'s template, files and environment, with its parameters. */
    public static StackUpdate to(StackSpec spec, boolean disableRollback, int timeoutMinutes) {
        return new StackUpdate(spec.parameters(), disableRollback, timeoutMinutes, Optional.of(spec));
    }
}
