package dev.magnetar.core.service;

import java.util.Map;

/**
 * A cluster (or bay) create request as the caller sent it; null means "not given", to be filled
 * from the template or from Magnum's defaults.
 *
 * @param nodes   the counts, flavors and volume size the caller asked for
 * @param labels  the caller's labels and how they combine with the template's
 * @param options the remaining choices, each falling back to the template or a default
 */
public record ClusterRequest(
        String uuid,
        String name,
        String clusterTemplateIdent,
        Nodes nodes,
        Labels labels,
        Options options) {

    public ClusterRequest {
        nodes = nodes == null ? Nodes.NOT_GIVEN : nodes;
        labels = labels == null ? Labels.INHERITED : labels;
        options = options == null ? Options.NOT_GIVEN : options;
    }

    /** The nodes asked for; node groups will take their place. */
    public record Nodes(Integer nodeCount, Integer masterCount, String flavorId, String masterFlavorId,
                        Integer dockerVolumeSize) {
        public static final Nodes NOT_GIVEN = new Nodes(null, null, null, null, null);
    }

    /**
     * @param given null to inherit the template's labels
     * @param merge true to merge {@code given} over the template's instead of replacing them
     */
    public record Labels(Map<String, String> given, boolean merge) {
        public static final Labels INHERITED = new Labels(null, false);
    }

    public record Options(String keypair, Integer createTimeout, String discoveryUrl, String fixedNetwork,
                          String fixedSubnet, Boolean floatingIpEnabled, Boolean masterLbEnabled) {
        public static final Options NOT_GIVEN = new Options(null, null, null, null, null, null, null);
    }
}
