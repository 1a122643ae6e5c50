package dev.magnetar.core.conductor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.status.ClusterLifecycle;
import dev.magnetar.core.status.LifecycleEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileDecisionTest {

    private static final Instant CREATED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant SOON = CREATED.plus(Duration.ofMinutes(5));

    /** Every status Heat reports for a stack, and one it might report one day. */
    private static final List<StackStatus> HEAT_STATUSES = heatStatuses();

    private static List<StackStatus> heatStatuses() {
        List<StackStatus> all = new ArrayList<>();
        for (StackAction action : StackAction.values()) {
            for (StackPhase phase : StackPhase.values()) {
                if (action != StackAction.UNRECOGNISED && phase != StackPhase.UNRECOGNISED) {
                    all.add(StackStatus.of(action, phase));
                }
            }
        }
        all.add(StackStatus.unrecognised("UPDATE_ROLLBACK_IN_PROGRESS"));
        return all;
    }

    private static Cluster cluster(ClusterStatus status) {
        return Cluster.builder().uuid("6b4c3d2e-1f00-4a5b-9c8d-7e6f5a4b3c2d").name("dcosbay").status(status)
                .createdAt(CREATED).updatedAt(CREATED).createTimeout(60).build();
    }

    private static Optional<Stack> stack(String status) {
        StackStatus typed = HEAT_STATUSES.stream().filter(s -> s.text().equals(status)).findFirst().orElseThrow();
        return stack(typed);
    }

    private static Optional<Stack> stack(StackStatus status) {
        return Optional.of(new Stack("stack-id", "dcosbay-6b4c3d2e1f00", status, "reason of " + status, null, null));
    }

    @ParameterizedTest
    @EnumSource(value = ClusterStatus.class, names = {"CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS",
            "DELETE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS"})
    void every_settlement_the_reconciler_can_decide_is_an_edge_of_the_status_table(ClusterStatus from) {
        List<Optional<Stack>> observations = new ArrayList<>();
        observations.add(Optional.empty());
        HEAT_STATUSES.forEach(status -> observations.add(stack(status)));
        for (Optional<Stack> observed : observations) {
            for (Instant now : List.of(SOON, CREATED.plus(Duration.ofHours(2)))) {
                ReconcileDecision decision = ReconcileDecision.decide(cluster(from), observed, false, now);
                if (decision instanceof ReconcileDecision.Settle settle) {
                    assertThat(ClusterLifecycle.edgesFrom(from))
                            .as("%s -> %s on stack %s", from, settle.status(), observed.map(Stack::status))
                            .containsValue(settle.status());
                }
                if (decision instanceof ReconcileDecision.TimedOut timedOut) {
                    assertThat(ClusterLifecycle.next(from, LifecycleEvent.TIMED_OUT)).contains(timedOut.status());
                    assertThat(from).isIn(ClusterStatus.CREATE_IN_PROGRESS, ClusterStatus.UPDATE_IN_PROGRESS,
                            ClusterStatus.ROLLBACK_IN_PROGRESS);
                }
            }
        }
    }

    @Nested
    class A_cluster_being_created {

        @Test
        void completes_with_its_outputs_when_the_stack_completes() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.CREATE_IN_PROGRESS), stack("CREATE_COMPLETE"),
                    false, SOON))
                    .isEqualTo(new ReconcileDecision.Settle(ClusterStatus.CREATE_COMPLETE, "reason of CREATE_COMPLETE",
                            true, false));
        }

        @Test
        void fails_with_the_stack_reason_and_collects_faults() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.CREATE_IN_PROGRESS), stack("CREATE_FAILED"),
                    false, SOON))
                    .isEqualTo(new ReconcileDecision.Settle(ClusterStatus.CREATE_FAILED, "reason of CREATE_FAILED",
                            false, true));
        }

        @Test
        void waits_while_the_stack_is_in_progress_and_time_remains() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.CREATE_IN_PROGRESS),
                    stack("CREATE_IN_PROGRESS"), false, SOON)).isInstanceOf(ReconcileDecision.Wait.class);
        }

        @Test
        void times_out_after_its_create_timeout() {
            ReconcileDecision decision = ReconcileDecision.decide(cluster(ClusterStatus.CREATE_IN_PROGRESS),
                    stack("CREATE_IN_PROGRESS"), false, CREATED.plus(Duration.ofMinutes(61)));
            assertThat(decision).isInstanceOf(ReconcileDecision.TimedOut.class);
            assertThat(((ReconcileDecision.TimedOut) decision).reason()).contains("60 minutes", "dcosbay-6b4c3d2e1f00");
        }

        @Test
        void fails_when_its_stack_vanished() {
            ReconcileDecision decision = ReconcileDecision.decide(cluster(ClusterStatus.CREATE_IN_PROGRESS),
                    Optional.empty(), false, SOON);
            assertThat(decision).isInstanceOfSatisfying(ReconcileDecision.Settle.class, settle -> {
                assertThat(settle.status()).isEqualTo(ClusterStatus.CREATE_FAILED);
                assertThat(settle.reason()).contains("not found");
            });
        }

        @Test
        void is_left_alone_while_its_create_operation_is_pending() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.CREATE_IN_PROGRESS), Optional.empty(), true,
                    SOON)).isInstanceOf(ReconcileDecision.Wait.class);
        }
    }

    @Nested
    class A_cluster_being_updated {

        @Test
        void ignores_a_stack_that_still_shows_the_previous_create() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.UPDATE_IN_PROGRESS), stack("CREATE_COMPLETE"),
                    false, SOON)).isInstanceOf(ReconcileDecision.Wait.class);
        }

        @Test
        void completes_when_the_update_completes() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.UPDATE_IN_PROGRESS), stack("UPDATE_COMPLETE"),
                    false, SOON))
                    .isEqualTo(new ReconcileDecision.Settle(ClusterStatus.UPDATE_COMPLETE, "reason of UPDATE_COMPLETE",
                            true, false));
        }

        @Test
        void follows_heat_into_a_rollback() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.UPDATE_IN_PROGRESS),
                    stack("ROLLBACK_IN_PROGRESS"), false, SOON))
                    .isEqualTo(new ReconcileDecision.Settle(ClusterStatus.ROLLBACK_IN_PROGRESS,
                            "reason of ROLLBACK_IN_PROGRESS", false, false));
        }
    }

    @Nested
    class A_cluster_being_deleted {

        @Test
        void is_removed_once_the_stack_is_gone() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.DELETE_IN_PROGRESS), Optional.empty(), false,
                    SOON)).isInstanceOf(ReconcileDecision.Remove.class);
        }

        @Test
        void is_removed_when_heat_reports_delete_complete() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.DELETE_IN_PROGRESS), stack("DELETE_COMPLETE"),
                    false, SOON)).isInstanceOf(ReconcileDecision.Remove.class);
        }

        @Test
        void fails_with_faults_when_the_delete_fails() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.DELETE_IN_PROGRESS), stack("DELETE_FAILED"),
                    false, SOON))
                    .isEqualTo(new ReconcileDecision.Settle(ClusterStatus.DELETE_FAILED, "reason of DELETE_FAILED",
                            false, true));
        }

        @Test
        void waits_while_the_stack_still_shows_its_last_create() {
            assertThat(ReconcileDecision.decide(cluster(ClusterStatus.DELETE_IN_PROGRESS), stack("CREATE_COMPLETE"),
                    false, SOON)).isInstanceOf(ReconcileDecision.Wait.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ClusterStatus.class, names = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "CREATE_FAILED",
            "DELETE_FAILED"})
    void settled_clusters_are_not_reconciled(ClusterStatus settled) {
        assertThat(ReconcileDecision.decide(cluster(settled), stack("UPDATE_IN_PROGRESS"), false, SOON))
                .isInstanceOf(ReconcileDecision.Wait.class);
    }
}
