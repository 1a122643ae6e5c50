package dev.magnetar.core.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stack update. Without a template it is in place: the changed parameters only (Heat's PATCH with
 * {@code existing}), the others keeping their values. With one (an upgrade, a node group added or
 * removed) the stack becomes what the driver renders now: its template, files and environment replace
 * the stack's and every parameter is given (Heat's PUT), so that no parameter of the old template that
 * the new one lacks is carried over. Either way {@code disableRollback} says whether Heat may roll back a
 * failed update.
 *
 * @param template the stack's new template, files and environment; empty keeps the current ones
 */
public record StackUpdate(Map<String, Object> changedParameters, boolean disableRollback, int timeoutMinutes,
                          Optional<StackSpec> template) {

    public StackUpdate {
        changedParameters = Collections.unmodifiableMap(new LinkedHashMap<>(changedParameters));
        template = template == null ? Optional.empty() : template;
    }

    /** A parameters-only update: the stack keeps its template. */
    public StackUpdate(Map<String, Object> changedParameters, boolean disableRollback, int timeoutMinutes) {
        this(changedParameters, disableRollback, timeoutMinutes, Optional.empty());
    }

    /** The stack as {@code spec} renders it: its template, files, environment and all its parameters. */
    public static StackUpdate to(StackSpec spec, boolean disableRollback, int timeoutMinutes) {
        return new StackUpdate(spec.parameters(), disableRollback, timeoutMinutes, Optional.of(spec));
    }
}
