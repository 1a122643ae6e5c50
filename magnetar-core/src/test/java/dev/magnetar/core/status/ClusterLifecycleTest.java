package dev.magnetar.core.status;

import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.model.ClusterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.magnetar.core.model.ClusterStatus.*;
import static dev.magnetar.core.status.LifecycleEvent.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle, written out edge by edge: the table must have exactly these and refuse the rest. */
class ClusterLifecycleTest {

    /**
     * Every legal move, as {@code from statuses | events | to}. A row with several statuses or
     * events stands for each of them.
     */
    private static final String SPECIFICATION = """
            CREATE_IN_PROGRESS | STACK_COMPLETE | CREATE_COMPLETE
            CREATE_IN_PROGRESS | STACK_FAILED STACK_GONE TIMED_OUT CREATE_REFUSED | CREATE_FAILED
            UPDATE_IN_PROGRESS | STACK_COMPLETE | UPDATE_COMPLETE
            UPDATE_IN_PROGRESS | STACK_FAILED STACK_GONE TIMED_OUT UPDATE_REFUSED | UPDATE_FAILED
            CREATE_IN_PROGRESS UPDATE_IN_PROGRESS | STACK_ROLLING_BACK | ROLLBACK_IN_PROGRESS
            CREATE_IN_PROGRESS UPDATE_IN_PROGRESS | STACK_ROLLED_BACK | ROLLBACK_COMPLETE
            CREATE_IN_PROGRESS UPDATE_IN_PROGRESS | STACK_ROLLBACK_FAILED | ROLLBACK_FAILED
            ROLLBACK_IN_PROGRESS | STACK_COMPLETE | ROLLBACK_COMPLETE
            ROLLBACK_IN_PROGRESS | STACK_FAILED STACK_GONE TIMED_OUT | ROLLBACK_FAILED
            DELETE_IN_PROGRESS | STACK_COMPLETE STACK_GONE | DELETE_COMPLETE
            DELETE_IN_PROGRESS | STACK_FAILED DELETE_REFUSED | DELETE_FAILED
            CREATE_COMPLETE UPDATE_COMPLETE RESUME_COMPLETE RESTORE_COMPLETE ROLLBACK_COMPLETE SNAPSHOT_COMPLETE \
            CHECK_COMPLETE ADOPT_COMPLETE | UPDATE_REQUESTED RESIZE_REQUESTED UPGRADE_REQUESTED | UPDATE_IN_PROGRESS
            UPDATE_FAILED | UPGRADE_REQUESTED | UPDATE_IN_PROGRESS
            CREATE_IN_PROGRESS CREATE_FAILED CREATE_COMPLETE UPDATE_IN_PROGRESS UPDATE_FAILED UPDATE_COMPLETE \
            DELETE_IN_PROGRESS DELETE_FAILED RESUME_COMPLETE RESUME_FAILED RESTORE_COMPLETE ROLLBACK_IN_PROGRESS \
            ROLLBACK_FAILED ROLLBACK_COMPLETE SNAPSHOT_COMPLETE CHECK_COMPLETE ADOPT_COMPLETE \
            | DELETE_REQUESTED | DELETE_IN_PROGRESS
            """;

    private static final Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> SPECIFIED = specified();

    private static Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> specified() {
        Map<ClusterStatus, Map<LifecycleEvent, ClusterStatus>> edges = new EnumMap<>(ClusterStatus.class);
        for (String row : SPECIFICATION.strip().split("\n")) {
            String[] columns = row.split("\\|");
            ClusterStatus to = ClusterStatus.valueOf(columns[2].strip());
            for (String from : columns[0].strip().split("\\s+")) {
                for (String event : columns[1].strip().split("\\s+")) {
                    ClusterStatus before = edges.computeIfAbsent(ClusterStatus.valueOf(from),
                            k -> new EnumMap<>(LifecycleEvent.class)).put(LifecycleEvent.valueOf(event), to);
                    if (before != null) {
                        throw new IllegalStateException("specified twice: " + from + " on " + event);
                    }
                }
            }
        }
        return edges;
    }

    private static ClusterStatus specified(ClusterStatus from, LifecycleEvent event) {
        return SPECIFIED.getOrDefault(from, Map.of()).get(event);
    }

    @ParameterizedTest
    @EnumSource(ClusterStatus.class)
    void every_status_moves_exactly_as_specified(ClusterStatus from) {
        assertThat(ClusterLifecycle.edgesFrom(from)).as("edges from %s", from)
                .isEqualTo(SPECIFIED.getOrDefault(from, Map.of()));
    }

    @ParameterizedTest
    @EnumSource(LifecycleEvent.class)
    void every_event_not_specified_from_a_status_is_refused(LifecycleEvent event) {
        for (ClusterStatus from : ClusterStatus.values()) {
            ClusterStatus to = specified(from, event);
            if (to == null) {
                assertThat(ClusterLifecycle.accepts(from, event)).as("%s on %s", from, event).isFalse();
                assertThatThrownBy(() -> ClusterLifecycle.transition(from, event))
                        .isInstanceOfSatisfying(TransitionRefusedException.class, refusal -> {
                            assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID);
                            assertThat(refusal.from()).isEqualTo(from);
                            assertThat(refusal.event()).isEqualTo(event);
                        });
            } else {
                assertThat(ClusterLifecycle.transition(from, event)).as("%s on %s", from, event).isEqualTo(to);
            }
        }
    }

    @Test
    void a_new_cluster_starts_creating() {
        assertThat(ClusterLifecycle.start(CREATE_REQUESTED)).isEqualTo(CREATE_IN_PROGRESS);
        assertThatThrownBy(() -> ClusterLifecycle.start(DELETE_REQUESTED)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ClusterStatus.class, names = {"DELETE_COMPLETE"}, mode = EnumSource.Mode.EXCLUDE)
    void any_cluster_can_be_deleted(ClusterStatus from) {
        assertThat(ClusterLifecycle.transition(from, DELETE_REQUESTED)).isEqualTo(DELETE_IN_PROGRESS);
    }

    @Test
    void a_deleted_cluster_goes_nowhere() {
        assertThat(ClusterLifecycle.edgesFrom(DELETE_COMPLETE)).isEmpty();
        assertThat(ClusterLifecycle.isFinal(DELETE_COMPLETE)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ClusterStatus.class, names = {"CREATE_FAILED", "UPDATE_FAILED", "DELETE_FAILED",
            "ROLLBACK_FAILED", "RESUME_FAILED", "CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "DELETE_IN_PROGRESS",
            "ROLLBACK_IN_PROGRESS", "DELETE_COMPLETE"})
    void a_busy_or_broken_cluster_refuses_an_update_with_magnums_message(ClusterStatus from) {
        EnumSet<LifecycleEvent> updates = EnumSet.of(UPDATE_REQUESTED, RESIZE_REQUESTED, UPGRADE_REQUESTED);
        if (from == ClusterStatus.UPDATE_FAILED) {
            updates.remove(UPGRADE_REQUESTED); // a failed upgrade may be asked for again
        }
        for (LifecycleEvent update : updates) {
            assertThatThrownBy(() -> ClusterLifecycle.transition(from, update))
                    .isInstanceOf(TransitionRefusedException.class)
                    .hasMessage("Updating a cluster when status is \"" + from + "\" is not supported.");
        }
    }

    @Test
    void the_conductor_can_fail_each_operation_it_gives_up_on() {
        assertThat(ClusterLifecycle.next(CREATE_IN_PROGRESS, CREATE_REFUSED)).contains(CREATE_FAILED);
        assertThat(ClusterLifecycle.next(UPDATE_IN_PROGRESS, UPDATE_REFUSED)).contains(UPDATE_FAILED);
        assertThat(ClusterLifecycle.next(DELETE_IN_PROGRESS, DELETE_REFUSED)).contains(DELETE_FAILED);
    }

    @Test
    void an_operation_given_up_after_a_delete_was_asked_for_leaves_the_delete_alone() {
        assertThat(ClusterLifecycle.next(DELETE_IN_PROGRESS, CREATE_REFUSED)).isEmpty();
        assertThat(ClusterLifecycle.next(DELETE_IN_PROGRESS, UPDATE_REFUSED)).isEmpty();
    }

    @Test
    void a_delete_has_no_timeout_and_ignores_a_rollback() {
        assertThat(ClusterLifecycle.next(DELETE_IN_PROGRESS, TIMED_OUT)).isEmpty();
        assertThat(ClusterLifecycle.next(DELETE_IN_PROGRESS, STACK_ROLLING_BACK)).isEmpty();
    }

    @Test
    void a_failed_create_cannot_be_resumed_by_an_update_or_by_its_stack() {
        assertThat(ClusterLifecycle.next(CREATE_FAILED, RESIZE_REQUESTED)).isEmpty();
        assertThat(ClusterLifecycle.next(CREATE_FAILED, STACK_COMPLETE)).isEmpty();
    }

    @Test
    void the_statuses_that_wait_for_a_stack_are_the_in_progress_ones() {
        Set<ClusterStatus> inProgress = EnumSet.noneOf(ClusterStatus.class);
        Arrays.stream(ClusterStatus.values()).filter(ClusterStatus::isInProgress).forEach(inProgress::add);
        assertThat(ClusterLifecycle.awaitingStack()).isEqualTo(inProgress)
                .containsExactlyInAnyOrder(CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS,
                        ROLLBACK_IN_PROGRESS);
    }

    @Test
    void statuses_only_heat_reaches_are_never_entered_here() {
        assertThat(ClusterLifecycle.unreachable()).containsExactlyInAnyOrder(RESUME_COMPLETE, RESUME_FAILED,
                RESTORE_COMPLETE, SNAPSHOT_COMPLETE, CHECK_COMPLETE, ADOPT_COMPLETE);
    }
}
