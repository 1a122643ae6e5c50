package dev.magnetar.core.driver;

import java.util.Set;

/**
 * The template fields a driver constrains, checked by the API with Magnum's messages.
 *
 * @param networkDrivers       allowed {@code network_driver} values
 * @param defaultNetworkDriver filled in when a template names none
 * @param volumeDrivers        allowed {@code volume_driver} values (none is always allowed)
 */
public record DriverPolicy(Set<String> networkDrivers, String defaultNetworkDriver, Set<String> volumeDrivers) {

    public DriverPolicy {
        networkDrivers = Set.copyOf(networkDrivers);
        volumeDrivers = Set.copyOf(volumeDrivers);
    }
}
