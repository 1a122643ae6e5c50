package dev.magnetar.openstack.heat;

import dev.magnetar.openstack.http.RetryPolicy;

import java.time.Duration;
import java.util.Map;

/**
 * How Magnetar talks to Heat.
 *
 * @param interfaceName              catalogue interface of the orchestration endpoint; null takes Keystone's setting
 * @param region                     catalogue region; null takes Keystone's setting
 * @param retry                      retries of calls that got no answer or a 5xx
 * @param requestTimeout             time limit of one request
 * @param resourceRegistryOverrides  TEST AND SIMULATION ONLY: entries forced into every stack's
 *                                   {@code resource_registry} (e.g. {@code OS::Nova::Server: OS::Heat::None}),
 *                                   so real Heat can run clusters' stacks on a cloud without Nova or
 *                                   Neutron. Empty in production.
 */
public record HeatSettings(String interfaceName, String region, RetryPolicy retry, Duration requestTimeout,
                           Map<String, String> resourceRegistryOverrides) {

    public static final HeatSettings DEFAULT = new HeatSettings(null, null, null, null, null);

    /** The registry entries that make Nova, Neutron, Cinder and Octavia resources no-ops. */
    public static final Map<String, String> NO_COMPUTE_NETWORK_STORAGE = Map.of(
            "OS::Nova::*", "OS::Heat::None",
            "OS::Neutron::*", "OS::Heat::None",
            "OS::Cinder::*", "OS::Heat::None",
            "OS::Octavia::*", "OS::Heat::None");

    public HeatSettings {
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        resourceRegistryOverrides = resourceRegistryOverrides == null ? Map.of() : Map.copyOf(resourceRegistryOverrides);
    }

    public HeatSettings withResourceRegistryOverrides(Map<String, String> overrides) {
        return new HeatSettings(interfaceName, region, retry, requestTimeout, overrides);
    }
}
