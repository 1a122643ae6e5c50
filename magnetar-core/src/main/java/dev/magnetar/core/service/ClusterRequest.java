package dev.magnetar.core.service;

import java.util.Map;

/**
 * A cluster (or bay) create request as the caller sent it; null means "not given", to be filled
 * from the template or from Magnum's defaults.
 *
 * @param labels      null to inherit the template's labels
 * @param mergeLabels true to merge {@code labels} over the template's instead of replacing them
 */
public record ClusterRequest(
        String uuid,
        String name,
        String clusterTemplateIdent,
        String keypair,
        Integer nodeCount,
        Integer masterCount,
        Integer dockerVolumeSize,
        Integer createTimeout,
        String discoveryUrl,
        Map<String, String> labels,
        boolean mergeLabels,
        String masterFlavorId,
        String flavorId,
        String fixedNetwork,
        String fixedSubnet,
        Boolean floatingIpEnabled,
        Boolean masterLbEnabled) {
}
