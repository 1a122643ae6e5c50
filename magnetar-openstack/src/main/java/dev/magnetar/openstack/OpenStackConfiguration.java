package dev.magnetar.openstack;

import dev.magnetar.openstack.heat.HeatSettings;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.keystone.ClusterUserSettings;
import dev.magnetar.openstack.keystone.KeystoneSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code [keystone]} and {@code [heat]} sections of Magnetar's configuration (as flat
 * key/value maps) into this module's settings. The key names are the ones docs/openstack.md lists;
 * a wrong value fails here, naming the key, rather than on the first request.
 */
public final class OpenStackConfiguration {

    private OpenStackConfiguration() {
    }

    /** The retry policy shared by Keystone and Heat calls, from the {@code [heat]} section. */
    public static RetryPolicy retry(Map<String, String> heat) {
        return new RetryPolicy(integer(heat, "retries", 4), seconds(heat, "retry_initial_backoff", Duration.ofMillis(500)),
                seconds(heat, "retry_max_backoff", Duration.ofSeconds(8)));
    }

    public static KeystoneSettings keystone(Map<String, String> keystone, Map<String, String> heat) {
        String applicationCredentialId = keystone.get("application_credential_id");
        String secret = applicationCredentialId != null ? keystone.get("application_credential_secret")
                : keystone.get("password");
        if (secret == null) {
            throw new IllegalArgumentException("[keystone] needs password (or application_credential_id and "
                    + "application_credential_secret)");
        }
        return new KeystoneSettings(URI.create(required(keystone, "auth_url")), keystone.get("username"), secret,
                keystone.get("user_domain_name"), keystone.get("project_name"), keystone.get("project_domain_name"),
                applicationCredentialId, keystone.get("interface"), keystone.get("region_name"),
                seconds(keystone, "token_cache_max_age", Duration.ofSeconds(60)),
                integer(keystone, "token_cache_size", 10_000),
                seconds(keystone, "request_timeout", Duration.ofSeconds(10)), retry(heat));
    }

    public static ClusterUserSettings clusterUsers(Map<String, String> keystone) {
        String roles = keystone.getOrDefault("cluster_user_roles", "member");
        return new ClusterUserSettings(keystone.get("cluster_user_domain"), split(roles),
                required(keystone, "cluster_credential_key"));
    }

    public static HeatSettings heat(Map<String, String> heat) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : split(heat.getOrDefault("resource_registry_overrides", ""))) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("[heat] resource_registry_overrides: '" + pair
                        + "' is not type=target");
            }
            overrides.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return new HeatSettings(heat.get("interface"), heat.get("region_name"), retry(heat),
                seconds(heat, "request_timeout", Duration.ofSeconds(30)), overrides);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Map<String, String> section, String key) {
        String value = section.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing required key " + key);
        }
        return value;
    }

    private static int integer(Map<String, String> section, String key, int fallback) {
        String value = section.get(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }

    /** Seconds, fractions allowed ({@code 0.5}). */
    private static Duration seconds(Map<String, String> section, String key, Duration fallback) {
        String value = section.get(key);
        try {
            return value == null ? fallback : Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of seconds, was '" + value + "'", e);
        }
    }
}
