package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterDriverProvider;
import dev.magnetar.core.driver.DriverSettings;

/** ServiceLoader entry point of the {@code dcos_centos_v1} driver. */
public final class DcosDriverProvider implements ClusterDriverProvider {

    @Override
    public String name() {
        return DcosDriver.NAME;
    }

    @Override
    public ClusterDriver create(DriverSettings settings) {
        return new DcosDriver(settings);
    }
}
