package dev.magnetar.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's configuration: defaults, then the TOML file, then {@code MAGNETAR_<SECTION>_<KEY>}
 * environment variables, then command-line flags. Unknown sections or keys in the file are errors,
 * so a typo never silently falls back to a default. Driver sections ({@code [driver.<name>]}) are
 * free-form and handed to the driver; their environment form is {@code MAGNETAR_DRIVER_<NAME>_<KEY>}.
 */
public final class Config {

    private static final String DRIVER_ENV_PREFIX = "MAGNETAR_DRIVER_";

    private final Map<Option, String> values;
    private final Map<String, Map<String, String>> driverSections;
    /** {@code MAGNETAR_DRIVER_*} variables as given: which driver they name is known only when asked. */
    private final Map<String, String> driverEnvironment;

    private Config(Map<Option, String> values, Map<String, Map<String, String>> driverSections,
                   Map<String, String> driverEnvironment) {
        this.values = values;
        this.driverSections = driverSections;
        this.driverEnvironment = driverEnvironment;
    }

    public static Config defaults() {
        return load(null, Map.of(), Map.of());
    }

    /**
     * @param file      the configuration file, or null for none
     * @param env       the process environment
     * @param overrides command-line values, which win over everything
     */
    public static Config load(Path file, Map<String, String> env, Map<Option, String> overrides) {
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            values.put(option, option.defaultValue());
        }
        Map<String, Map<String, String>> drivers = new LinkedHashMap<>();
        if (file != null) {
            readFile(file, values, drivers);
        }
        for (Option option : Option.values()) {
            String fromEnv = env.get(option.environmentName());
            if (fromEnv != null) {
                values.put(option, fromEnv);
            }
        }
        Map<String, String> driverEnvironment = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(DRIVER_ENV_PREFIX)) {
                driverEnvironment.put(name, value);
            }
        });
        values.putAll(overrides);
        return new Config(values, drivers, driverEnvironment);
    }

    private static void readFile(Path file, Map<Option, String> values, Map<String, Map<String, String>> drivers) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Iterator<Map.Entry<String, JsonNode>> sections = root.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isObject()) {
                throw new ConfigException(file + ": '" + section.getKey() + "' must be a [section]");
            }
            if (section.getKey().equals("driver")) {
                section.getValue().fields().forEachRemaining(driver -> {
                    Map<String, String> settings = new LinkedHashMap<>();
                    driver.getValue().fields().forEachRemaining(kv -> settings.put(kv.getKey(), kv.getValue().asText()));
                    drivers.put(driver.getKey(), settings);
                });
                continue;
            }
            section.getValue().fields().forEachRemaining(kv -> values.put(
                    find(file, section.getKey(), kv.getKey()), kv.getValue().asText()));
        }
    }

    private static Option find(Path file, String section, String key) {
        for (Option option : Option.values()) {
            if (option.section().equals(section) && option.key().equals(key)) {
                return option;
            }
        }
        throw new ConfigException(file + ": unknown option [" + section + "] " + key
                + " (see `magnetar config-sample` for every option)");
    }

    public String get(Option option) {
        return values.get(option);
    }

    public int getInt(Option option) {
        try {
            return Integer.parseInt(get(option).trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("[" + option.section() + "] " + option.key() + " must be a whole number, not '"
                    + get(option) + "'");
        }
    }

    public boolean getBoolean(Option option) {
        String value = get(option).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("[" + option.section() + "] " + option.key()
                    + " must be true or false, not '" + get(option) + "'");
        };
    }

    public Duration getMillis(Option option) {
        return Duration.ofMillis(getInt(option));
    }

    public Duration getSeconds(Option option) {
        return Duration.ofSeconds(getInt(option));
    }

    /**
     * The settings of the driver named {@code driverName}: its {@code [driver.<name>]} section, then
     * its {@code MAGNETAR_DRIVER_<NAME>_<KEY>} variables, which win. A driver configured by the
     * environment alone needs no section in the file.
     */
    public Map<String, String> driverSettings(String driverName) {
        Map<String, String> settings = new LinkedHashMap<>(driverSections.getOrDefault(driverName, Map.of()));
        String prefix = DRIVER_ENV_PREFIX + driverName.toUpperCase(Locale.ROOT) + "_";
        driverEnvironment.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                settings.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return Map.copyOf(settings);
    }

    /**
     * Checks every option's value against what it takes, so a bad value stops the service at start
     * rather than when it is first read.
     *
     * @throws ConfigException naming each bad key, its value and what is allowed
     */
    public void validate() {
        List<String> problems = new ArrayList<>();
        for (Option option : Option.values()) {
            String value = get(option);
            if (!option.type().accepts().test(value)) {
                problems.add("[" + option.section() + "] " + option.key() + " (" + option.environmentName() + ") is '"
                        + value + "'; allowed: " + option.type().allowed());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid configuration: " + String.join("\n", problems));
        }
    }

    /** Every option as a commented TOML file with its default. */
    public static String sample() {
        return ConfigReference.sample();
    }

    /** A configuration problem, reported to the operator and ending the command. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
