package dev.magnetar.core.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabelDeltaTest {

    @Test
    void reports_overridden_added_and_skipped_labels_like_magnum() {
        var delta = ClusterService.labelDelta(
                Map.of("launcher", "linux", "image_providers", "docker", "dcos_overlay_enable", "true"),
                Map.of("launcher", "posix", "dcos_overlay_enable", "true", "check_time", "false"));
        assertThat(delta.overridden()).containsExactly(Map.entry("launcher", "linux"));
        assertThat(delta.added()).containsExactly(Map.entry("check_time", "false"));
        assertThat(delta.skipped()).containsExactly(Map.entry("image_providers", "docker"));
    }
}
