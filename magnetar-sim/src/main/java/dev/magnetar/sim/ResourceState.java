package dev.magnetar.sim;

import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One resource of a simulated stack, with the timeline of the action now applied to it. Its
 * status at any instant follows from the timeline, so reading needs no background work.
 *
 * @param action       CREATE, UPDATE or DELETE: the last action applied to the resource
 * @param startAt      when the action starts; null if it never starts (the stack failed first)
 * @param endAt        when the action ends; null if it never ends
 * @param statusBefore the status shown before the action starts, e.g. INIT_COMPLETE
 * @param digest       a digest of the evaluated properties, to tell a changed resource on update
 * @param members      a ResourceGroup's member names, in index order (empty for others)
 * @param removed      a ResourceGroup's members removed by removal_policies, never reused
 */
record ResourceState(String path, String type, String physicalId, String action, Instant startAt, Instant endAt,
                     boolean failed, String reason, StackStatus statusBefore, Map<String, Object> attributes,
                     String digest, List<String> members, List<String> removed) {

    StackStatus statusAt(Instant now) {
        if (startAt == null || now.isBefore(startAt)) {
            return statusBefore;
        }
        StackAction applied = StackAction.valueOf(action);
        if (endAt == null || now.isBefore(endAt)) {
            return StackStatus.of(applied, StackPhase.IN_PROGRESS);
        }
        return StackStatus.of(applied, failed ? StackPhase.FAILED : StackPhase.COMPLETE);
    }

    String reasonAt(Instant now) {
        StackStatus status = statusAt(now);
        if (status.phase() == StackPhase.FAILED) {
            return reason;
        }
        return status.equals(statusBefore) && startAt != null && now.isBefore(startAt) ? "" : "state changed";
    }

    /** Gone: deleted completely. */
    boolean goneAt(Instant now) {
        return action.equals("DELETE") && !failed && endAt != null && !now.isBefore(endAt);
    }

    int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
