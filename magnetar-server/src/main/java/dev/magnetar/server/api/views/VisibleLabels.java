package dev.magnetar.server.api.views;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.service.LabelSecrets;
import dev.magnetar.server.api.ApiServices;

/**
 * The one place where the API masks label values for the caller ({@link LabelSecrets} says who may
 * read what; the driver says which labels are secret). Every rendering of a template's or a cluster's
 * labels — show, list, detail, legacy baymodels and bays — goes through it, so whatever renders or
 * caches views must render per caller what these functions return.
 */
public final class VisibleLabels {

    private VisibleLabels() {
    }

    /** The template as {@code caller} may see it: secret values of other projects masked. */
    public static ClusterTemplate template(ApiServices services, RequestContext caller, ClusterTemplate template) {
        LabelSecrets secrets = services.templates().labelSecrets(template);
        if (!secrets.anySecret(template.labels())) {
            return template;
        }
        return template.toBuilder().labels(secrets.templateLabels(caller, template)).build();
    }

    /** The cluster's labels and their difference to its template, as {@code caller} may see them. */
    public static LabelSecrets.ClusterLabels cluster(ApiServices services, RequestContext caller, Cluster cluster,
                                              ClusterTemplate template) {
        LabelSecrets secrets = template == null ? services.templates().anyLabelSecrets()
                : services.templates().labelSecrets(template);
        return secrets.clusterLabels(caller, cluster, template);
    }

    /**
     * The cluster with its labels as {@code caller} may see them, for the list view. The template is
     * read only for clusters with a label that some driver calls secret.
     */
    public static Cluster clusterSummary(ApiServices services, RequestContext caller, Cluster cluster) {
        if (!services.templates().anyLabelSecrets().anySecret(cluster.spec().labels())) {
            return cluster;
        }
        ClusterTemplate template = templateOrNull(services, cluster);
        return cluster.toBuilder().labels(cluster(services, caller, cluster, template).labels()).build();
    }

    /** The cluster's template, or null when it is gone. */
    public static ClusterTemplate templateOrNull(ApiServices services, Cluster cluster) {
        try {
            return services.clusters().templateOf(cluster);
        } catch (dev.magnetar.core.error.MagnetarException e) {
            return null;
        }
    }

    /** A node group's labels as {@code caller} may see them. */
    public static java.util.Map<String, String> nodeGroup(ApiServices services, RequestContext caller,
                                                          dev.magnetar.core.service.NodeGroupService.Groups groups,
                                                          java.util.Map<String, String> labels) {
        return services.templates().labelSecrets(groups.template())
                .nodeGroupLabels(caller, groups.cluster(), groups.template(), labels);
    }
}
