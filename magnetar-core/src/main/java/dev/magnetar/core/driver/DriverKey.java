package dev.magnetar.core.driver;

/**
 * What a driver provides, as Magnum selects drivers: the template's {@code server_type}, the
 * image's {@code os_distro} (stored as the template's {@code cluster_distro}) and the {@code coe}.
 */
public record DriverKey(String serverType, String os, String coe) {

    @Override
    public String toString() {
        return "(" + serverType + ", " + os + ", " + coe + ")";
    }
}
