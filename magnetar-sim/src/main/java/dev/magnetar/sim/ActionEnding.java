package dev.magnetar.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How a planned stack action ends: it completes with its last resource, or the first failure or
 * the stack timeout cuts it, aborting what was still running and rolling back unless disabled.
 */
final class ActionEnding {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    private final String action;
    private final Instant start;
    private final List<PlannedResource> resources;
    private final ResourceTiming timing;

    ActionEnding(String action, Instant start, List<PlannedResource> resources, ResourceTiming timing) {
        this.action = action;
        this.start = start;
        this.resources = resources;
        this.timing = timing;
    }

    /** Cuts the timeline at the first failure or the timeout, and says how the action ends. */
    StackState.Operation finish(int timeoutMinutes, boolean disableRollback) {
        Instant timeoutAt = start.plus(timeoutMinutes > 0 ? Duration.ofMinutes(timeoutMinutes) : DEFAULT_TIMEOUT);
        Instant completion = PlannedResource.lastEnd(resources, start);
        boolean endless = completion == null;
        PlannedResource firstFailure = null;
        for (PlannedResource resource : resources) {
            if (resource.acts() && resource.failed && resource.children.isEmpty() && resource.end != null
                    && (firstFailure == null || resource.end.isBefore(firstFailure.end))) {
                firstFailure = resource;
            }
        }
        String verb = action.charAt(0) + action.substring(1).toLowerCase(Locale.ROOT);
        if (firstFailure != null && !firstFailure.end.isAfter(timeoutAt)) {
            cut(firstFailure.end, action + " aborted");
            return failed(firstFailure.end, "Resource " + action + " failed: " + firstFailure.reason, disableRollback);
        }
        if (endless || completion.isAfter(timeoutAt)) {
            cut(timeoutAt, action + " aborted: " + verb + " timed out");
            return failed(timeoutAt, verb + " timed out", disableRollback);
        }
        return new StackState.Operation(action, start, completion, false, null, null);
    }

    private StackState.Operation failed(Instant at, String reason, boolean disableRollback) {
        Instant rollbackEnd = null;
        if (!disableRollback && !action.equals("DELETE")) {
            Duration longest = Duration.ZERO;
            for (PlannedResource resource : resources) {
                if (resource.acts() && resource.builtin != null) {
                    Duration undo = timing.undo(resource.builtin);
                    longest = undo.compareTo(longest) > 0 ? undo : longest;
                }
            }
            rollbackEnd = at.plus(longest);
        }
        return new StackState.Operation(action, start, at, true, reason, rollbackEnd);
    }

    private void cut(Instant at, String abortReason) {
        List<PlannedResource> deepestFirst = new ArrayList<>(resources);
        deepestFirst.sort(Comparator.comparingInt((PlannedResource r) -> r.path.split("/").length).reversed());
        for (PlannedResource resource : deepestFirst) {
            if (!resource.acts()) {
                continue;
            }
            if (!resource.children.isEmpty() && resource.children.stream().anyMatch(PlannedResource::acts)) {
                resource.settleFromChildren();
                continue;
            }
            if (resource.end != null && !resource.end.isAfter(at)) {
                continue;
            }
            if (resource.start.isBefore(at)) {
                resource.end = at;
                resource.failed = true;
                resource.reason = abortReason;
            } else {
                resource.start = null;
                resource.end = null;
            }
        }
    }
}
