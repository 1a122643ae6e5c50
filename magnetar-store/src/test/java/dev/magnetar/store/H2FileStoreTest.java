package dev.magnetar.store;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.Repositories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default: an H2 file database in the data directory, as {@code serve} opens it. */
class H2FileStoreTest {

    @TempDir
    Path dataDir;

    private StoreConfig config() {
        return new StoreConfig("jdbc:h2:file:" + dataDir.resolve("magnetar"), null, null, 1);
    }

    @Test
    void opening_does_not_migrate() {
        try (Store store = Store.open(config())) {
            assertThatThrownBy(() -> store.database().transaction((Repositories repos) -> repos.clusters().countInProject("p")))
                    .hasMessageContaining("CLUSTERS");
        }
    }

    @Test
    void a_migrated_file_database_keeps_its_rows_across_restarts() {
        Cluster cluster = Fixtures.everyClusterField();
        try (Store store = Store.open(config())) {
            store.migrate();
            store.database().transact(repos -> repos.clusters().insert(cluster));
        }

        try (Store reopened = Store.open(config())) {
            reopened.migrate();
            assertThat(reopened.database().transaction((Repositories repos) -> repos.clusters().findByUuid(cluster.uuid())))
                    .contains(cluster);
        }
        assertThat(dataDir.resolve("magnetar.mv.db")).exists();
    }
}
