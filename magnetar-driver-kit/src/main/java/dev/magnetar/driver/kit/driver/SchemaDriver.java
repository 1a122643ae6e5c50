package dev.magnetar.driver.kit.driver;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.DriverDescriptor;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.driver.kit.labels.LabelSchema;
import dev.magnetar.driver.kit.stack.AgentScaling;

import java.util.List;
import java.util.Map;

/**
 * What every driver built on a {@link LabelSchema} answers alike: its descriptor and policy, which
 * labels are secret (as the schema says), how its agents scale, its service-wide settings, and
 * the small rules for a request that do not depend on the COE.
 */
public abstract class SchemaDriver implements ClusterDriver {

    private final DriverDescriptor descriptor;
    private final DriverPolicy policy;
    private final LabelSchema schema;
    private final AgentScaling scaling;
    /** The driver's section of the service configuration; empty when none was given. */
    protected final DriverSettings settings;

    protected SchemaDriver(DriverDescriptor descriptor, DriverPolicy policy, LabelSchema schema,
                           AgentScaling scaling, DriverSettings settings) {
        this.descriptor = descriptor;
        this.policy = policy;
        this.schema = schema;
        this.scaling = scaling;
        this.settings = settings == null ? DriverSettings.EMPTY : settings;
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

    /** The cluster's own master_lb_enabled, else its template's. */
    protected static boolean masterLb(ClusterTemplate template, Cluster cluster) {
        return cluster.masterLbEnabled() != null ? cluster.masterLbEnabled() : template.masterLbEnabled();
    }

    /** The cluster's own floating_ip_enabled, else its template's. */
    protected static boolean floatingIp(ClusterTemplate template, Cluster cluster) {
        return cluster.floatingIpEnabled() != null ? cluster.floatingIpEnabled() : template.floatingIpEnabled();
    }

    /** Refuses the request with every violation found, in one answer. */
    protected static void throwIfAny(List<String> violations) {
        if (!violations.isEmpty()) {
            throw MagnetarException.invalid(violations);
        }
    }
}
