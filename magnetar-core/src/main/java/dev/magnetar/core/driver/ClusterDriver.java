package dev.magnetar.core.driver;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;

import java.util.List;
import java.util.Map;

/**
 * A COE driver: it owns its label schema, its Heat templates and scripts, the mapping from template
 * and cluster fields to Heat parameters and from stack outputs back to cluster fields. The core
 * knows no COE; it asks the driver. Validation failures are thrown as
 * {@link dev.magnetar.core.error.MagnetarException#invalid} with a message that names the field or
 * label, the value and what is allowed.
 */
public interface ClusterDriver {

    DriverDescriptor descriptor();

    DriverPolicy policy();

    /**
     * Whether {@code label} (a name or alias) holds a secret, such as a cloud storage key: its schema
     * says so. The API then shows its value only to the project it belongs to and to admins, and
     * refuses previews that would render it for anyone else ({@code LabelSecrets}).
     */
    default boolean isSecretLabel(String label) {
        return false;
    }

    /** Checks a template's labels and driver-specific fields, on create and on every update. */
    void validateTemplate(ClusterTemplate template);

    /**
     * Checks a cluster request against its template: the effective labels (already merged into
     * {@code cluster.labels()}), master and node counts, and anything else the COE needs.
     */
    void validateCluster(ClusterTemplate template, Cluster cluster);

    /** Renders the cluster's stack. Pure: the same inputs give the same spec. */
    StackSpec stackSpec(ClusterTemplate template, Cluster cluster, DeploymentContext context);

    /**
     * The changed parameters that resize the stack to {@code cluster.nodeCount()} agents, removing
     * {@code nodesToRemove} (addresses or resource names; empty lets the driver choose).
     */
    Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster, List<String> nodesToRemove,
                                        Stack current);

    /**
     * Checks that a cluster may move from template {@code from} to template {@code to} (Magnum's upgrade
     * action). {@code current} is the cluster as it is (following {@code from}); {@code upgraded} is the
     * cluster as it would be: following {@code to}, with the new template's labels and the cluster's own
     * overrides. Both templates are this driver's. Refuse with
     * {@link MagnetarException#invalid} naming the field or label, the values and what is allowed. A
     * driver that cannot upgrade in place keeps this default, Magnum's "not supported by this driver".
     */
    default void validateUpgrade(ClusterTemplate from, Cluster current, ClusterTemplate to, Cluster upgraded) {
        throw MagnetarException.invalid("Upgrading a cluster is not supported by this driver ("
                + descriptor().name() + ").");
    }

    /**
     * The whole stack that carries {@code cluster} (already following its new template {@code to}) to
     * that template's release, with {@code maxBatchSize} agents at a time; {@code from} is the template
     * it followed before, or null when that template was deleted since. Sent as an in-place update of
     * {@code current}: the nodes keep their servers and upgrade where they run. Called only after
     * {@link #validateUpgrade} accepted the move.
     */
    default StackSpec upgradeSpec(ClusterTemplate from, ClusterTemplate to, Cluster cluster, int maxBatchSize,
                                  Stack current, DeploymentContext context) {
        throw MagnetarException.invalid("Upgrading a cluster is not supported by this driver ("
                + descriptor().name() + ").");
    }

    /**
     * The nodes' steps among the resources of a stack being updated, in the order the nodes take them;
     * empty for resources that are not per-node steps.
     */
    default List<NodeStep> nodeSteps(ClusterTemplate template, Cluster cluster, List<StackResource> resources) {
        return List.of();
    }

    /**
     * The changed parameters that resize one node group the cluster added to the count its spec holds now,
     * removing {@code nodesToRemove} from it; {@code nodeGroup} null means the default workers. Drivers that
     * list {@link #nodeGroupRoles()} override it.
     */
    default Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster, String nodeGroup,
                                                List<String> nodesToRemove, Stack current) {
        if (nodeGroup == null) {
            return scaleParameters(template, cluster, nodesToRemove, current);
        }
        throw new IllegalStateException("Driver " + descriptor().name() + " has no node groups to resize");
    }

    /** Maps a completed stack's outputs to the cluster's addresses and versions. */
    ClusterObservation observe(ClusterTemplate template, Cluster cluster, Stack stack);

    /** The driver's health monitor, if it has one. */
    default java.util.Optional<ClusterMonitor> monitor() {
        return java.util.Optional.empty();
    }

    /**
     * Whether the cluster is installed with a monitoring account ({@link DeploymentContext#monitorAccount()}),
     * because its COE requires the monitor to log in (DC/OS with {@code oauth_enabled}). The conductor
     * then makes one before the stack is rendered and hands its credentials to {@link #monitor()}.
     */
    default boolean wantsMonitorAccount(ClusterTemplate template, Cluster cluster) {
        return false;
    }

    /**
     * Labels a cluster update may change on an existing cluster because the driver applies them to
     * the running COE without a stack update (DC/OS's package repositories, through Cosmos). Any other
     * label is fixed at create. Empty by default.
     */
    default java.util.Set<String> labelsChangeableInPlace() {
        return java.util.Set.of();
    }

    /**
     * How a user attaches the COE's own tools to a running cluster (its URL, CA, CLI setup and login),
     * or empty when the driver offers nothing beyond Magnum's API. Called only for clusters that have
     * an {@code api_address}.
     *
     * @param pinnedCa the CA certificate (PEM) the monitor pinned for the cluster, if it has one yet
     */
    default java.util.Optional<ClientAttachment> attachment(ClusterTemplate template, Cluster cluster,
                                                            java.util.Optional<String> pinnedCa) {
        return java.util.Optional.empty();
    }

    /**
     * Whether the cluster's COE serves its API over TLS with a CA of its own that the monitor pins at
     * first contact ({@link dev.magnetar.core.port.CaPinRepository}): that pinned CA is then what
     * Magnum's {@code GET /v1/certificates/{cluster}} hands out. False for drivers whose COE speaks
     * plain HTTP, which then answer that the certificates API is not supported by this driver.
     * No driver signs CSRs or rotates a CA: see docs/design/0007-cluster-certificates.md.
     */
    default boolean servesPinnedCa() {
        return false;
    }

    /**
     * The files each node role receives (e.g. {@code master/config.yaml}), for previews; the key
     * is the role, then the file name. Empty for drivers that render nothing per node.
     */
    default Map<String, Map<String, String>> nodeFiles(ClusterTemplate template, Cluster cluster,
                                                       DeploymentContext context) {
        return Map.of();
    }

    /**
     * The roles a user may give the node groups they add to this driver's clusters (DC/OS: {@code agent},
     * {@code public_agent}). Empty, the default, when the driver's stacks have no room for added groups:
     * creating one is then refused as not supported by the driver.
     */
    default java.util.Set<String> nodeGroupRoles() {
        return java.util.Set.of();
    }

    /**
     * The default node groups the driver derives from a cluster beyond the master and worker ones (DC/OS's
     * public agents from {@code dcos_public_agent_count}), built with
     * {@link dev.magnetar.core.model.NodeGroups#defaultView}. Empty by default.
     */
    default List<dev.magnetar.core.model.NodeGroup> impliedNodeGroups(ClusterTemplate template, Cluster cluster) {
        return List.of();
    }

    /**
     * Checks a node group a user adds or changes, its labels above all, as {@link #validateCluster} checks a
     * cluster; {@code cluster} already holds the group in its spec. Throws the same errors. Called only for
     * roles in {@link #nodeGroupRoles()}.
     */
    default void validateNodeGroup(ClusterTemplate template, Cluster cluster, dev.magnetar.core.model.NodeGroup group) {
    }
}
