package dev.magnetar.core.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster's labels on the template it is upgraded to: the new template's, with the cluster's own changes kept. */
class UpgradedLabelsTest {

    @Test
    void takes_the_new_templates_labels_and_keeps_what_the_cluster_overrode_added_and_dropped() {
        Map<String, String> oldTemplate = Map.of("dcos_release", "2.1.2", "launcher", "linux",
                "image_providers", "docker", "check_time", "true");
        Map<String, String> cluster = Map.of("dcos_release", "2.1.2", "launcher", "posix", "check_time", "true",
                "gc_delay", "3days");
        Map<String, String> newTemplate = Map.of("dcos_release", "2.2.1", "launcher", "linux",
                "image_providers", "docker", "check_time", "false");

        assertThat(ClusterService.upgradedLabels(oldTemplate, cluster, newTemplate)).isEqualTo(Map.of(
                "dcos_release", "2.2.1", // the new template's release
                "launcher", "posix", // the cluster's override
                "check_time", "false", // the new template's value where the cluster followed the old one
                "gc_delay", "3days")); // the cluster's addition; image_providers stays dropped
    }
}
