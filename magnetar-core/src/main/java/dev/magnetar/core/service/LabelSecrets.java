package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may read the value of a secret label, and the labels as a caller may see them. The driver
 * decides which labels are secret ({@link ClusterDriver#isSecretLabel}, from its label schema); this
 * class decides who reads them, the same way in every view, list and preview:
 *
 * <ul>
 *   <li>A secret value belongs to a project: on a template, the template's project; on a cluster,
 *       the template's project when the cluster inherited the template's value unchanged, else the
 *       cluster's project (who gave it). A template in use cannot change its labels, so an
 *       inherited value stays recognisable.</li>
 *   <li>Admins read every value. A member of the owning project reads its values. A caller whose only
 *       role is Keystone's {@code reader} reads none: the value is a credential to another system,
 *       and the reader role is meant for looking, not for holding credentials.</li>
 *   <li>Everyone else sees {@value #MASK} in place of the value (OpenStack Heat shows hidden
 *       parameters the same way), and a preview that would render such a value is refused.</li>
 * </ul>
 */
public final class LabelSecrets {

    /** What a caller who may not read a secret label's value sees instead. */
    public static final String MASK = "******";

    private final Predicate<String> secret;

    private LabelSecrets(Predicate<String> secret) {
        this.secret = secret;
    }

    /** The secrets of the labels of one driver. */
    public static LabelSecrets of(ClusterDriver driver) {
        return new LabelSecrets(driver::isSecretLabel);
    }

    /** Secret labels by a rule of the test's own; drivers answer through {@link #of}. */
    static LabelSecrets matching(Predicate<String> secret) {
        return new LabelSecrets(secret);
    }

    /** For a template whose driver is unknown (uninstalled): a label is secret if any driver says so. */
    public static LabelSecrets ofAny(Collection<ClusterDriver> drivers) {
        List<ClusterDriver> all = List.copyOf(drivers);
        return new LabelSecrets(label -> all.stream().anyMatch(d -> d.isSecretLabel(label)));
    }

    public boolean isSecret(String label) {
        return secret.test(label);
    }

    /** Whether any of these labels is secret. */
    public boolean anySecret(Map<String, String> labels) {
        return labels.keySet().stream().anyMatch(secret);
    }

    /** Whether {@code caller} may read secret values that belong to {@code ownerProject}. */
    public static boolean mayRead(RequestContext caller, String ownerProject) {
        if (caller.isAdmin()) {
            return true;
        }
        if (Policy.readsOnly(caller)) {
            return false;
        }
        return ownerProject != null && ownerProject.equals(caller.projectId());
    }

    /** A template's labels as {@code caller} may see them. */
    public Map<String, String> templateLabels(RequestContext caller, ClusterTemplate template) {
        return masked(template.labels(), label -> !mayRead(caller, template.projectId()));
    }

    /**
     * A cluster's labels and their difference to its template, as {@code caller} may see them.
     *
     * @param template the cluster's template, or null when it is gone (then only admins read the
     *                 cluster's secret values, since where they came from is unknown)
     */
    public ClusterLabels clusterLabels(RequestContext caller, Cluster cluster, ClusterTemplate template) {
        Map<String, String> templateLabels = template == null ? Map.of() : template.labels();
        ClusterService.LabelDelta delta = ClusterService.labelDelta(templateLabels, cluster.spec().labels());
        // Without its template, where the cluster's values came from is unknown: only admins read them.
        boolean readsTemplates = mayRead(caller, template == null ? null : template.projectId());
        boolean readsClusters = mayRead(caller, template == null ? null : cluster.projectId());
        return new ClusterLabels(
                masked(cluster.spec().labels(), label -> !mayRead(caller, ownerOf(label, cluster, template))),
                masked(delta.overridden(), label -> !readsTemplates),
                masked(delta.added(), label -> !readsClusters),
                masked(delta.skipped(), label -> !readsTemplates));
    }

    /**
     * A node group's labels as {@code caller} may see them: a secret value the group shares with the
     * template belongs to the template's project, any other to the cluster's, as for the cluster's own.
     */
    public Map<String, String> nodeGroupLabels(RequestContext caller, Cluster cluster, ClusterTemplate template,
                                               Map<String, String> groupLabels) {
        Cluster asGroup = cluster.toBuilder().labels(groupLabels).build();
        return masked(groupLabels, label -> !mayRead(caller, ownerOf(label, asGroup, template)));
    }

    /** The secret labels of {@code cluster} (a stored one or a create request's) whose values {@code caller} may not read. */
    public List<String> unreadable(RequestContext caller, Cluster cluster, ClusterTemplate template) {
        List<String> unreadable = new ArrayList<>();
        cluster.spec().labels().keySet().stream().filter(secret).sorted()
                .filter(label -> !mayRead(caller, ownerOf(label, cluster, template)))
                .forEach(unreadable::add);
        return unreadable;
    }

    /**
     * Refuses the mask given as a secret label's value: a client that copied the labels it was shown
     * would otherwise install {@value #MASK} as the credential.
     */
    public void refuseMasks(Map<String, String> labels, String where) {
        if (labels == null) {
            return;
        }
        List<String> masked = labels.entrySet().stream()
                .filter(e -> secret.test(e.getKey()) && MASK.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (!masked.isEmpty()) {
            throw MagnetarException.invalid("Label(s) " + String.join(", ", masked) + " of the " + where + " hold '"
                    + MASK + "', which is what views show in place of a secret value the caller may not read, "
                    + "not a value. Give the real value, or leave the label out (with merge_labels on a cluster) "
                    + "to use the template's.");
        }
    }

    private static String ownerOf(String label, Cluster cluster, ClusterTemplate template) {
        if (template == null) {
            return null;
        }
        String inherited = template.labels().get(label);
        return inherited != null && inherited.equals(cluster.spec().labels().get(label))
                ? template.projectId() : cluster.projectId();
    }

    private Map<String, String> masked(Map<String, String> labels, Predicate<String> hidden) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> out.put(k, secret.test(k) && hidden.test(k) ? MASK : v));
        return out;
    }

    /** {@code labels}, {@code labels_overridden}, {@code labels_added}, {@code labels_skipped}, masked for one caller. */
    public record ClusterLabels(Map<String, String> labels, Map<String, String> overridden, Map<String, String> added,
                                Map<String, String> skipped) {
        public ClusterLabels {
            Objects.requireNonNull(labels);
        }
    }
}
