package dev.magnetar.openstack.heat;

import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;

/**
 * Reads Heat's {@code stack_status} ({@code <ACTION>_<STATUS>}, Heat's {@code Stack.ACTIONS} and
 * {@code Stack.STATUSES}) into a typed status: the only place a Heat status string is taken apart.
 * A string that is not one action and one phase Heat defines stays {@link StackStatus#unrecognised}
 * with its text, so the reconcile loop waits on it instead of guessing.
 */
final class HeatStackStatus {

    private HeatStackStatus() {
    }

    static StackStatus parse(String text) {
        for (StackPhase phase : StackPhase.values()) {
            String suffix = "_" + phase.name();
            if (phase != StackPhase.UNRECOGNISED && text.endsWith(suffix)) {
                String action = text.substring(0, text.length() - suffix.length());
                for (StackAction known : StackAction.values()) {
                    if (known != StackAction.UNRECOGNISED && known.name().equals(action)) {
                        return StackStatus.of(known, phase);
                    }
                }
            }
        }
        return StackStatus.unrecognised(text);
    }
}
