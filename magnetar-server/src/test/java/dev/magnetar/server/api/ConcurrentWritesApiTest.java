package dev.magnetar.server.api;

import dev.magnetar.server.config.Option;

import java.util.Map;

/** Concurrent writes on the embedded default, H2 in a file. */
class ConcurrentWritesApiTest extends ConcurrentWritesContract {
    @Override
    Map<Option, String> databaseOptions() {
        return Map.of();
    }
}
