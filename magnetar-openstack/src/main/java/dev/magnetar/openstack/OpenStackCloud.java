package dev.magnetar.openstack;

import dev.magnetar.core.port.CloudCatalogue;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.openstack.catalogue.OpenStackCatalogue;
import dev.magnetar.openstack.heat.HeatOrchestrator;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneClusterCredentials;

import java.util.Map;

/**
 * Everything the server wires when {@code [keystone]} is configured: the Keystone client for the
 * API's token checks, and the orchestrator, catalogue and per-cluster credential ports on the real
 * cloud, all sharing one service identity. Connects lazily: nothing is sent until first use.
 */
public record OpenStackCloud(KeystoneClient keystone, Orchestrator orchestrator, CloudCatalogue catalogue,
                             ClusterCredentials clusterCredentials) {

    /** Builds the adapters from the {@code [keystone]} and {@code [heat]} configuration sections. */
    public static OpenStackCloud fromConfiguration(Map<String, String> keystoneSection, Map<String, String> heatSection) {
        KeystoneClient keystone = KeystoneClient.create(OpenStackConfiguration.keystone(keystoneSection, heatSection));
        return new OpenStackCloud(keystone,
                new HeatOrchestrator(keystone, OpenStackConfiguration.heat(heatSection)),
                new OpenStackCatalogue(keystone),
                new KeystoneClusterCredentials(keystone, OpenStackConfiguration.clusterUsers(keystoneSection)));
    }
}
