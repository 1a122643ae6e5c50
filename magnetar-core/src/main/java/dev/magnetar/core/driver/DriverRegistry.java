package dev.magnetar.core.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The installed drivers, discovered with {@link ServiceLoader}, looked up by what they provide. */
public final class DriverRegistry {

    private final List<ClusterDriver> drivers;

    public DriverRegistry(List<ClusterDriver> drivers) {
        this.drivers = List.copyOf(drivers);
    }

    /** Loads every provider on the class path, configuring each from its section of {@code settings}. */
    public static DriverRegistry discover(Function<String, DriverSettings> settings) {
        List<ClusterDriver> found = new ArrayList<>();
        for (ClusterDriverProvider provider : ServiceLoader.load(ClusterDriverProvider.class)) {
            found.add(provider.create(settings.apply(provider.name())));
        }
        return new DriverRegistry(found);
    }

    public static DriverRegistry discover() {
        return discover(name -> DriverSettings.EMPTY);
    }

    public Optional<ClusterDriver> find(DriverKey key) {
        return drivers.stream().filter(d -> d.descriptor().provides().contains(key)).findFirst();
    }

    /** Any driver serving this COE, whatever the server type and OS (for network/volume driver checks). */
    public List<ClusterDriver> forCoe(String coe) {
        return drivers.stream()
                .filter(d -> d.descriptor().provides().stream().anyMatch(k -> k.coe().equals(coe)))
                .toList();
    }

    public List<ClusterDriver> all() {
        return drivers;
    }

    public Map<String, ClusterDriver> byName() {
        Map<String, ClusterDriver> byName = new java.util.LinkedHashMap<>();
        drivers.forEach(d -> byName.put(d.descriptor().name(), d));
        return byName;
    }
}
