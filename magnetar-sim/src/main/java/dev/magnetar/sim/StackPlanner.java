package dev.magnetar.sim;

import dev.magnetar.core.port.StackSpec;
import dev.magnetar.sim.hot.HotTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a stack action into a timeline: evaluates the templates, creates (or updates, or deletes)
 * every resource in dependency order with its type's duration, applies the faults in force, and
 * cuts the timeline where the first failure or the stack timeout strikes. The result is data; the
 * status at any later instant is read off it. The work is shared: {@link PlanningRun} lays out the
 * resources, {@link StackScope} answers the template functions, {@link GroupMembers} resizes groups,
 * and {@link ActionEnding} decides how the action ends.
 */
final class StackPlanner {

    private final ResourceTiming timing;

    StackPlanner(DurationProfile profile, Faults faults) {
        this.timing = new ResourceTiming(profile, faults);
    }

    record Plan(StackState.Operation operation, StackState.Snapshot snapshot) {
    }

    /** Plans a create ({@code previous} empty) or an update of a settled stack. */
    Plan createOrUpdate(String action, String stackName, String stackId, StackSpec spec, Map<String, Object> given,
                        Instant start, int timeoutMinutes, boolean disableRollback, int serial,
                        StackState.Snapshot previous) {
        PlanningRun run = new PlanningRun(timing, action, stackName, stackId, spec, start, serial, previous);
        HotTemplate template = HotTemplate.parse(spec.template(), "template");
        Map<String, Object> values = run.topLevelParameters(template, given);
        Map<String, Object> outputs = run.template(template, values, "", start, stackId).outputs();
        Map<String, String> shown = new LinkedHashMap<>();
        template.parameters().forEach((name, definition) ->
                shown.put(name, values.get(name) == null ? "" : definition.display(values.get(name))));
        shown.put("OS::stack_id", stackId);
        shown.put("OS::stack_name", stackName);
        run.deletions();
        StackState.Operation operation = run.finish(timeoutMinutes, disableRollback);
        return new Plan(operation, new StackState.Snapshot(run.states(), outputs, shown, given, run.addresses()));
    }

    /** Plans deleting every resource that exists now. */
    Plan delete(StackState.Snapshot current, Instant start, int timeoutMinutes, int serial) {
        PlanningRun run = new PlanningRun(timing, "DELETE", null, null, null, start, serial, current);
        for (ResourceState resource : current.resources()) {
            if (resource.startAt() != null && !start.isBefore(resource.startAt())) {
                run.deletion(resource);
            }
        }
        StackState.Operation operation = run.finish(timeoutMinutes, true);
        return new Plan(operation, new StackState.Snapshot(run.states(), Map.of(), current.shown(), current.given(),
                current.addresses()));
    }
}
