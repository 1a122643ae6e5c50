package dev.magnetar.server.wiring;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.store.OwnerOnlyFiles;
import dev.magnetar.store.Store;
import dev.magnetar.store.StoreConfig;

import java.nio.file.Path;

/** Opens the configured database; with no URL, the embedded H2 file in the data directory. */
final class Databases {

    private Databases() {
    }

    static Store open(Config config) {
        return Store.open(storeConfig(config));
    }

    static StoreConfig storeConfig(Config config) {
        String url = config.get(Option.DATABASE_URL);
        if (url.isBlank()) {
            Path dir = DataDirectory.prepare(config);
            // WRITE_DELAY=0: H2 otherwise writes commits to the file up to half a second later, and a
            // killed process would lose operations the API already acknowledged. The owner-only scheme
            // names the same files as file: and creates them 0600, since they hold sealed secrets.
            url = OwnerOnlyFiles.h2Url(dir.resolve("magnetar"), ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        }
        return new StoreConfig(url, config.get(Option.DATABASE_USER), config.get(Option.DATABASE_PASSWORD),
                config.getInt(Option.DATABASE_MAX_POOL_SIZE));
    }

    static boolean migrateOnStart(Config config) {
        String value = config.get(Option.DATABASE_MIGRATE_ON_START);
        if (value.equals("auto")) {
            return config.get(Option.DATABASE_URL).isBlank();
        }
        return config.getBoolean(Option.DATABASE_MIGRATE_ON_START);
    }
}
