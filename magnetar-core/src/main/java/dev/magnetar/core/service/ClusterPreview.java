package dev.magnetar.core.service;

import dev.magnetar.core.port.StackSpec;

import java.util.Map;

/**
 * What creating a cluster would do: the stack it would ask for and, per node role, the files those
 * nodes would receive (e.g. {@code master -> config.yaml}).
 */
public record ClusterPreview(String stackName, StackSpec stack, Map<String, Map<String, String>> nodeFiles) {
}
