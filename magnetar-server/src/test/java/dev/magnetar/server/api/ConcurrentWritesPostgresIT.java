package dev.magnetar.server.api;

import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.ScratchDatabase;

import java.util.Map;

/** Concurrent writes on a server whose database is a scratch one on the PostgreSQL server on loopback. */
class ConcurrentWritesPostgresIT extends ConcurrentWritesContract {

    private ScratchDatabase database;

    @Override
    Map<Option, String> databaseOptions() {
        database = ScratchDatabase.create(ScratchDatabase.Engine.POSTGRESQL);
        return database.options(true);
    }

    @Override
    void releaseDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
