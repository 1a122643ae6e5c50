package dev.magnetar.server.wiring;

import dev.magnetar.core.port.Backend;
import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.sim.DurationProfile;

import dev.magnetar.openstack.heat.HeatSettings;
import dev.magnetar.openstack.keystone.ClusterUserSettings;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneSettings;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;

/** Chooses the backend the configuration asks for. */
final class Backends {

    private Backends() {
    }

    static Backend create(Config config, Clock clock) {
        String kind = config.get(Option.BACKEND_KIND);
        return switch (kind) {
            case "simulated" -> new SimulatedBackend(clock, profile(config),
                    DataDirectory.subdirectory(DataDirectory.prepare(config), "simulated-cloud"),
                    config::driverSettings);
            case "openstack" -> openStack(config);
            default -> throw new Config.ConfigException(
                    "[backend] kind must be simulated or openstack, not '" + kind + "'");
        };
    }

    private static OpenStackBackend openStack(Config config) {
        return new OpenStackBackend(keystone(config), heatSettings(config), clusterUsers(config),
                config::driverSettings);
    }

    /** The service's Keystone client, from the [keystone] options. */
    static KeystoneClient keystone(Config config) {
        String authUrl = config.get(Option.KEYSTONE_AUTH_URL);
        if (authUrl.isBlank()) {
            throw new Config.ConfigException("[keystone] auth_url is required for Keystone auth and the OpenStack backend");
        }
        boolean appCredential = !config.get(Option.KEYSTONE_APPLICATION_CREDENTIAL_ID).isBlank();
        String secret = appCredential ? config.get(Option.KEYSTONE_APPLICATION_CREDENTIAL_SECRET)
                : config.get(Option.KEYSTONE_PASSWORD);
        if (secret.isBlank()) {
            throw new Config.ConfigException("[keystone] password (or application_credential_secret) is required");
        }
        return KeystoneClient.create(new KeystoneSettings(URI.create(authUrl),
                appCredential ? null : config.get(Option.KEYSTONE_USERNAME), secret,
                config.get(Option.KEYSTONE_USER_DOMAIN), appCredential ? null : config.get(Option.KEYSTONE_PROJECT),
                config.get(Option.KEYSTONE_PROJECT_DOMAIN),
                appCredential ? config.get(Option.KEYSTONE_APPLICATION_CREDENTIAL_ID) : null,
                config.get(Option.KEYSTONE_INTERFACE), blankToNull(config.get(Option.KEYSTONE_REGION)),
                config.getSeconds(Option.KEYSTONE_TOKEN_CACHE_MAX_AGE), 0, null, null));
    }

    private static HeatSettings heatSettings(Config config) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : config.get(Option.HEAT_RESOURCE_REGISTRY_OVERRIDES).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] typeAndTarget = pair.split("=", 2);
            if (typeAndTarget.length != 2) {
                throw new Config.ConfigException("[heat] resource_registry_overrides takes type=target pairs, not '"
                        + pair + "'");
            }
            overrides.put(typeAndTarget[0].trim(), typeAndTarget[1].trim());
        }
        return new HeatSettings(config.get(Option.KEYSTONE_INTERFACE), blankToNull(config.get(Option.KEYSTONE_REGION)),
                null, null, overrides);
    }

    private static ClusterUserSettings clusterUsers(Config config) {
        String key = config.get(Option.KEYSTONE_CLUSTER_CREDENTIAL_KEY);
        if (key.length() < 16) {
            throw new Config.ConfigException("[keystone] cluster_credential_key must be set (16+ characters) "
                    + "for the OpenStack backend");
        }
        return new ClusterUserSettings(config.get(Option.KEYSTONE_CLUSTER_USER_DOMAIN),
                List.of(config.get(Option.KEYSTONE_CLUSTER_USER_ROLES).split("\\s*,\\s*")), key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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
