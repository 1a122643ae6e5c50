package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterDriverProvider;
import dev.magnetar.core.driver.DriverSettings;

/** ServiceLoader entry point of the {@code mesos_ubuntu_v1} driver. */
public final class MesosDriverProvider implements ClusterDriverProvider {

    @Override
    public String name() {
        return MesosDriver.NAME;
    }

    @Override
    public ClusterDriver create(DriverSettings settings) {
        return new MesosDriver(settings);
    }
}
