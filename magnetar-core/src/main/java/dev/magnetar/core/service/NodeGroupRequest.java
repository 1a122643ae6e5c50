package dev.magnetar.core.service;

import java.util.Map;

/**
 * A request to add a node group, as parsed from Magnum's body; null means "not given" (the cluster's or
 * Magnum's default applies).
 *
 * @param labels the labels given, null for none; merged over the cluster's when {@code mergeLabels}
 */
public record NodeGroupRequest(String name, String role, Integer nodeCount, Integer minNodeCount,
                               Integer maxNodeCount, String flavorId, String imageId, Integer dockerVolumeSize,
                               Map<String, String> labels, boolean mergeLabels) {
}
