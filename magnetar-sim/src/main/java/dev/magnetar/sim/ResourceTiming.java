package dev.magnetar.sim;

import dev.magnetar.sim.hot.ParameterType;
import dev.magnetar.sim.hot.Values;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When a single resource's action starts and ends: its type's duration from the profile, cut short
 * or stalled by the faults in force, and a WaitCondition failing at its own timeout.
 */
final class ResourceTiming {

    private final DurationProfile profile;
    private final Faults faults;

    ResourceTiming(DurationProfile profile, Faults faults) {
        this.profile = profile;
        this.faults = faults;
    }

    /** Schedules a create or update of a resource of builtin {@code type} from {@code ready}. */
    void schedule(PlannedResource node, String type, Map<String, Object> properties, Instant ready) {
        node.start = ready;
        node.end = ready.plus(profile.create(type));
        Optional<Faults.ResourceOutcome> fault = faults.resource(node.path, Fault.Action.valueOf(node.action));
        if (fault.isPresent() && fault.get().stalls()) {
            node.end = null;
        } else if (fault.isPresent()) {
            node.failed = true;
            node.reason = fault.get().reason();
        }
        if (type.equals("OS::Heat::WaitCondition") && properties.get("timeout") != null && !node.failed) {
            Instant deadline = ready.plusSeconds(((Number) ParameterType.NUMBER
                    .coerce(properties.get("timeout"))).longValue());
            if (node.end == null || node.end.isAfter(deadline)) {
                node.end = deadline;
                node.failed = true;
                node.reason = "WaitConditionTimeout: resources." + node.path.substring(node.path.lastIndexOf('/') + 1)
                        + ": 0 of " + Values.string(properties.getOrDefault("count", 1)) + " received";
            }
        }
        node.readyAt = node.failed ? null : node.end;
    }

    /** How long undoing a resource of builtin {@code type} takes in a rollback. */
    Duration undo(String type) {
        return profile.delete(type);
    }

    /** Schedules the delete of a resource of builtin {@code type} from {@code start}. */
    void scheduleDelete(PlannedResource node, String type, Instant start) {
        node.start = start;
        node.end = start.plus(profile.delete(type));
        faults.resource(node.path, Fault.Action.DELETE).ifPresent(outcome -> {
            if (outcome.stalls()) {
                node.end = null;
            } else {
                node.failed = true;
                node.reason = outcome.reason();
            }
        });
    }
}
