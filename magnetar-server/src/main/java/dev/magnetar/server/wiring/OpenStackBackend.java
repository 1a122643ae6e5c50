package dev.magnetar.server.wiring;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.port.Backend;
import dev.magnetar.core.port.CloudCatalogue;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.DeploymentContexts;
import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.openstack.catalogue.OpenStackCatalogue;
import dev.magnetar.openstack.heat.HeatOrchestrator;
import dev.magnetar.openstack.heat.HeatSettings;
import dev.magnetar.openstack.keystone.ClusterUserSettings;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneClusterCredentials;

import java.util.Map;
import java.util.function.Function;

/**
 * A real cloud: Keystone for identity and per-cluster users, Heat for stacks, Glance, Nova and
 * Neutron for the look-ups validation needs.
 */
public final class OpenStackBackend implements Backend {

    private final KeystoneClient keystone;
    private final HeatOrchestrator heat;
    private final OpenStackCatalogue catalogue;
    private final KeystoneClusterCredentials credentials;
    private final Function<String, Map<String, String>> driverSettings;

    public OpenStackBackend(KeystoneClient keystone, HeatSettings heatSettings, ClusterUserSettings clusterUsers,
                            Function<String, Map<String, String>> driverSettings) {
        this.keystone = keystone;
        this.heat = new HeatOrchestrator(keystone, heatSettings);
        this.catalogue = new OpenStackCatalogue(keystone);
        this.credentials = new KeystoneClusterCredentials(keystone, clusterUsers);
        this.driverSettings = driverSettings;
    }

    public KeystoneClient keystone() {
        return keystone;
    }

    @Override
    public Orchestrator orchestrator() {
        return heat;
    }

    @Override
    public CloudCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public ClusterCredentials credentials() {
        return credentials;
    }

    @Override
    public DeploymentContexts deploymentContexts() {
        return (cluster, driverName, credential) -> new DeploymentContext(
                keystone.settings().authUrl().toString(), keystone.settings().region(), cluster.projectId(),
                keystone.settings().projectDomainName(), credential,
                new DriverSettings(driverSettings.apply(driverName)));
    }

    @Override
    public String describe() {
        return "OpenStack: Keystone at " + keystone.settings().authUrl() + ", Heat from its catalogue";
    }
}
