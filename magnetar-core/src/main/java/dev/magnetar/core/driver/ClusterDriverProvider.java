package dev.magnetar.core.driver;

/**
 * The {@link java.util.ServiceLoader} entry point of a driver module
 * ({@code META-INF/services/dev.magnetar.core.driver.ClusterDriverProvider}).
 */
public interface ClusterDriverProvider {

    /** The driver's name, which also names its configuration section. */
    String name();

    ClusterDriver create(DriverSettings settings);
}
