package dev.magnetar.server.wiring;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.sim.DurationProfile;

import java.nio.file.Path;
import java.time.Clock;

/** Chooses the backend the configuration asks for. */
final class Backends {

    private Backends() {
    }

    static Backend create(Config config, Clock clock) {
        String kind = config.get(Option.BACKEND_KIND);
        return switch (kind) {
            case "simulated" -> new SimulatedBackend(clock, profile(config),
                    Path.of(config.get(Option.DATA_DIR)).toAbsolutePath().resolve("simulated-cloud"),
                    config::driverSettings);
            default -> throw new Config.ConfigException(
                    "[backend] kind must be simulated or openstack, not '" + kind + "'");
        };
    }

    private static DurationProfile profile(Config config) {
        String speed = config.get(Option.SIMULATION_SPEED);
        return switch (speed) {
            case "realistic" -> DurationProfile.realistic();
            case "instant" -> DurationProfile.fast();
            default -> throw new Config.ConfigException(
                    "[simulation] speed must be realistic or instant, not '" + speed + "'");
        };
    }
}
