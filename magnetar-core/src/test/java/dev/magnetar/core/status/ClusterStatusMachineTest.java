package dev.magnetar.core.status;

import dev.magnetar.core.model.ClusterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.magnetar.core.model.ClusterStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterStatusMachineTest {

    @ParameterizedTest
    @EnumSource(value = ClusterStatus.class, names = {"DELETE_IN_PROGRESS", "DELETE_COMPLETE"}, mode = EnumSource.Mode.EXCLUDE)
    void any_cluster_can_be_deleted(ClusterStatus from) {
        assertThat(ClusterStatusMachine.allows(from, DELETE_IN_PROGRESS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ClusterStatus.class)
    void only_updatable_statuses_may_start_an_update(ClusterStatus from) {
        if (from.allowsUpdate()) {
            assertThat(ClusterStatusMachine.allows(from, UPDATE_IN_PROGRESS)).as(from.name()).isTrue();
        }
        boolean busyOrBroken = from.isInProgress() || from == DELETE_COMPLETE || from == CREATE_FAILED
                || from == DELETE_FAILED;
        if (busyOrBroken && from != UPDATE_IN_PROGRESS) {
            assertThat(ClusterStatusMachine.allows(from, UPDATE_IN_PROGRESS)).as(from.name()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(ClusterStatus.class)
    void staying_in_the_same_status_is_always_allowed(ClusterStatus status) {
        assertThat(ClusterStatusMachine.allows(status, status)).isTrue();
    }

    @Test
    void the_executor_can_fail_each_in_progress_action() {
        assertThat(ClusterStatusMachine.allows(CREATE_IN_PROGRESS, CREATE_FAILED)).isTrue();
        assertThat(ClusterStatusMachine.allows(UPDATE_IN_PROGRESS, UPDATE_FAILED)).isTrue();
        assertThat(ClusterStatusMachine.allows(DELETE_IN_PROGRESS, DELETE_FAILED)).isTrue();
    }

    @Test
    void a_deleted_cluster_goes_nowhere() {
        assertThat(ClusterStatusMachine.successors(DELETE_COMPLETE)).isEmpty();
    }

    @Test
    void a_create_cannot_jump_to_an_update_result() {
        assertThatThrownBy(() -> ClusterStatusMachine.transition(CREATE_IN_PROGRESS, UPDATE_COMPLETE))
                .isInstanceOf(ClusterStatusMachine.IllegalTransitionException.class)
                .hasMessageContaining("CREATE_IN_PROGRESS to UPDATE_COMPLETE");
    }

    @Test
    void a_failed_create_cannot_be_resumed_by_an_update() {
        assertThat(ClusterStatusMachine.allows(CREATE_FAILED, UPDATE_IN_PROGRESS)).isFalse();
        assertThat(ClusterStatusMachine.allows(CREATE_FAILED, CREATE_COMPLETE)).isFalse();
    }
}
