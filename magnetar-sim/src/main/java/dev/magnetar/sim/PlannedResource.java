package dev.magnetar.sim;

import dev.magnetar.core.port.StackStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A resource being planned; composites (nested stacks, groups) hold their children. */
final class PlannedResource {
    final String path;
    final String type;
    String builtin;
    String physicalId;
    String action;
    Instant start;
    Instant end;
    Instant readyAt;
    boolean failed;
    String reason;
    StackStatus statusBefore;
    boolean unchanged;
    Map<String, Object> attributes = new LinkedHashMap<>();
    String digest;
    List<String> members = List.of();
    List<String> removed = List.of();
    final List<PlannedResource> children = new ArrayList<>();

    PlannedResource(String path, String type) {
        this.path = path;
        this.type = type;
    }

    ResourceState state() {
        return new ResourceState(path, type, physicalId, action, start, end, failed, reason, statusBefore,
                attributes, digest, members, removed);
    }

    /** True when the action touches this resource in this plan. */
    boolean acts() {
        return !unchanged && start != null;
    }

    /** A composite ends with its last child and fails with its first failed one. */
    void settleFromChildren() {
        PlannedResource failure = null;
        for (PlannedResource child : children) {
            if (child.acts() && child.failed
                    && (failure == null || (failure.reason != null && failure.reason.contains(" aborted")))) {
                failure = child;
            }
        }
        end = lastEnd(children, start);
        failed = failure != null;
        reason = failure == null ? null : failure.reason;
        readyAt = failed ? null : end;
    }

    /** When the last of the acting resources ends, not before {@code from}; null if one never ends. */
    static Instant lastEnd(List<PlannedResource> resources, Instant from) {
        Instant last = from;
        for (PlannedResource resource : resources) {
            if (resource.acts()) {
                if (resource.end == null) {
                    return null;
                }
                last = PlanValues.later(last, resource.end);
            }
        }
        return last;
    }

    /** Leaves the resource as the previous action left it. */
    void keep(ResourceState before, Instant ready) {
        unchanged = true;
        action = before.action();
        start = before.startAt();
        end = before.endAt();
        failed = false;
        reason = before.reason();
        statusBefore = before.statusBefore();
        readyAt = ready;
    }

    /** A resource the previous action created or updated without fault, which may be kept. */
    static boolean settledFine(ResourceState before) {
        return before.startAt() != null && before.endAt() != null && !before.failed()
                && !before.action().equals("DELETE");
    }
}
