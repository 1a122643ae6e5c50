package dev.magnetar.driver.kit.driver;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.DriverDescriptor;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.driver.kit.labels.LabelSchema;
import dev.magnetar.driver.kit.stack.AgentScaling;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every driver built on a {@link LabelSchema} answers alike: its descriptor and policy, which
 * labels are secret (as the schema says), how its agents scale, its service-wide settings, and
 * the small rules for a request that do not depend on the COE.
 */
public abstract class SchemaDriver implements ClusterDriver {

    /** The driver's section of the service configuration; empty when none was given. */
    protected final DriverSettings settings;
    private final DriverDescriptor descriptor;
    private final DriverPolicy policy;
    /** The driver's labels: which of them are secret. */
    private final LabelSchema schema;
    /** How the driver's agents scale; its masters are fixed at create. */
    private final AgentScaling scaling;

    protected SchemaDriver(DriverDescriptor descriptor, DriverPolicy policy, LabelSchema schema,
                           AgentScaling scaling, DriverSettings settings) {
        this.settings = settings == null ? DriverSettings.EMPTY : settings;
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
    }

    @Override
    public final DriverDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final DriverPolicy policy() {
        return policy;
    }

    /** The labels whose schema type is {@code secret}. */
    @Override
    public final boolean isSecretLabel(String label) {
        return schema.isSecret(label);
    }

    /** Resizes the agents only: masters are fixed at create. */
    @Override
    public final Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster,
                                                     List<String> nodesToRemove, Stack current) {
        return scaling.parameters(cluster, nodesToRemove, current);
    }

    /**
     * Resizes one node pool the cluster added, in the stack shape every pool has ({@link NodePoolStack});
     * {@code nodeGroup} null means the default agents.
     */
    @Override
    public final Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster, String nodeGroup,
                                                     List<String> nodesToRemove, Stack current) {
        if (nodeGroup == null) {
            return scaleParameters(template, cluster, nodesToRemove, current);
        }
        if (nodeGroupRoles().isEmpty()) {
            throw new IllegalStateException("Driver " + descriptor().name() + " has no node groups to resize");
        }
        NodeGroup group = NodeGroups.added(cluster.spec(), nodeGroup).orElseThrow(() -> new IllegalStateException(
                "cluster " + cluster.uuid() + " has no node group " + nodeGroup));
        return NodePoolStack.resize(group, nodesToRemove, current);
    }

    /** The cluster's own master_lb_enabled, else its template's. */
    protected static boolean masterLb(ClusterTemplate template, Cluster cluster) {
        return cluster.spec().masterLbEnabled() != null ? cluster.spec().masterLbEnabled() : template.masterLbEnabled();
    }

    /** The cluster's own floating_ip_enabled, else its template's. */
    protected static boolean floatingIp(ClusterTemplate template, Cluster cluster) {
        return cluster.spec().floatingIpEnabled() != null ? cluster.spec().floatingIpEnabled() : template.floatingIpEnabled();
    }

    /** Refuses the request with every violation found, in one answer. */
    protected static void throwIfAny(List<String> violations) {
        if (!violations.isEmpty()) {
            throw MagnetarException.invalid(violations);
        }
    }
}
