package dev.magnetar.core.port;

import java.util.Objects;

/**
 * A stack's status as an action and a phase, parsed once by the orchestrator adapter that read it.
 *
 * @param text the status as the cloud wrote it ({@code CREATE_COMPLETE}), for reasons and logs
 */
public record StackStatus(StackAction action, StackPhase phase, String text) {

    public StackStatus {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(text, "text");
        if ((action == StackAction.UNRECOGNISED) != (phase == StackPhase.UNRECOGNISED)) {
            throw new IllegalArgumentException("A stack status is recognised as a whole or not at all: " + text);
        }
        if (action != StackAction.UNRECOGNISED && !text.equals(action + "_" + phase)) {
            throw new IllegalArgumentException(text + " is not " + action + "_" + phase);
        }
    }

    /** A status Heat defines, e.g. {@code of(CREATE, COMPLETE)}. */
    public static StackStatus of(StackAction action, StackPhase phase) {
        return new StackStatus(action, phase, action + "_" + phase);
    }

    /** A status the adapter could not read as an action and a phase; kept as written. */
    public static StackStatus unrecognised(String text) {
        return new StackStatus(StackAction.UNRECOGNISED, StackPhase.UNRECOGNISED, text);
    }

    public boolean is(StackAction action, StackPhase phase) {
        return this.action == action && this.phase == phase;
    }

    public boolean isInProgress() {
        return phase == StackPhase.IN_PROGRESS;
    }

    @Override
    public String toString() {
        return text;
    }
}
