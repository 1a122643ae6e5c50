package dev.magnetar.server.command;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Options every server command shares: where the configuration file and the data are. */
final class ServerOptions {

    @CommandLine.Option(names = "--config-file", paramLabel = "FILE",
            description = "Configuration file (TOML). Default: $MAGNETAR_CONFIG_FILE, else ./magnetar.toml if present.")
    Path configFile;

    @CommandLine.Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for the embedded database and simulated cloud (default ./data).")
    Path dataDir;

    Config load(Map<Option, String> extra) {
        Map<Option, String> overrides = new EnumMap<>(Option.class);
        overrides.putAll(extra);
        if (dataDir != null) {
            overrides.put(Option.DATA_DIR, dataDir.toString());
        }
        return Config.load(resolveFile(), System.getenv(), overrides);
    }

    private Path resolveFile() {
        if (configFile != null) {
            return configFile;
        }
        String fromEnv = System.getenv("MAGNETAR_CONFIG_FILE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path local = Path.of("magnetar.toml");
        return Files.isRegularFile(local) ? local : null;
    }
}
