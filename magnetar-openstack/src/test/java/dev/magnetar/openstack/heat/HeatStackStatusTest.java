package dev.magnetar.openstack.heat;

import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeatStackStatusTest {

    @Test
    void every_action_and_phase_heat_defines_is_read_into_its_parts() {
        for (StackAction action : StackAction.values()) {
            for (StackPhase phase : StackPhase.values()) {
                if (action != StackAction.UNRECOGNISED && phase != StackPhase.UNRECOGNISED) {
                    assertThat(HeatStackStatus.parse(action + "_" + phase)).isEqualTo(StackStatus.of(action, phase));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE_ROLLBACK_IN_PROGRESS", "CREATE_PAUSED", "", "COMPLETE", "create_complete"})
    void anything_else_is_kept_unrecognised_with_its_text(String text) {
        StackStatus status = HeatStackStatus.parse(text);
        assertThat(status.action()).isEqualTo(StackAction.UNRECOGNISED);
        assertThat(status.phase()).isEqualTo(StackPhase.UNRECOGNISED);
        assertThat(status).hasToString(text);
    }
}
