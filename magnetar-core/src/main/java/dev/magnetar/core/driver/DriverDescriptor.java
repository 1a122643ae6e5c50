package dev.magnetar.core.driver;

import java.util.List;

/**
 * A driver's identity.
 *
 * @param name        e.g. {@code dcos_centos_v1}
 * @param provides    the (server_type, os, coe) triples it serves
 * @param legacy      true for drivers kept for migration only (shown to users as such)
 * @param description one line for {@code driver} info in API responses and docs
 */
public record DriverDescriptor(String name, String version, List<DriverKey> provides, boolean legacy,
                               String description) {

    public DriverDescriptor {
        provides = List.copyOf(provides);
    }
}
