package dev.magnetar.store;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.Repositories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The files H2 creates itself, through the owner-only scheme: 0600 whatever the umask. */
class OwnerOnlyFilesTest {

    /**
     * Every statement goes to the trace file, so H2 surely creates one. (At its default, level 1, it
     * writes one only for the errors it counts as its own: a duplicate key, say, may leave none.)
     */
    private static final String TRACING = ";TRACE_LEVEL_FILE=3";

    @TempDir
    Path dir;

    @BeforeEach
    void theUmaskWouldMakeFilesReadableByOthers() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        assumeThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)))
                .as("this test proves something only under a umask that leaves files readable by others")
                .isNotEqualTo("rw-------");
        Files.delete(probe);
    }

    @Test
    void the_store_and_trace_files_h2_creates_are_readable_by_their_owner_only() throws IOException {
        Path base = dir.resolve("owner-only").resolve("magnetar");
        Files.createDirectories(base.getParent());
        try (Store store = Store.open(new StoreConfig(OwnerOnlyFiles.h2Url(base, TRACING), null, null, 1))) {
            store.migrate();
            Cluster cluster = Fixtures.everyClusterField();
            store.database().transact(repos -> repos.clusters().insert(cluster));
            assertThatThrownBy(() -> store.database().transact(repos -> repos.clusters().insert(cluster)))
                    .as("a failing write is traced too");
        }

        Map<String, String> modes = modes(base.getParent());
        assertThat(modes).containsKeys("magnetar.mv.db", "magnetar.trace.db");
        assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
    }

    @Test
    void the_same_files_open_under_either_scheme() {
        Path base = dir.resolve("magnetar");
        Cluster cluster = Fixtures.everyClusterField();
        try (Store store = Store.open(new StoreConfig("jdbc:h2:file:" + base, null, null, 1))) {
            store.migrate();
            store.database().transact(repos -> repos.clusters().insert(cluster));
        }
        try (Store store = Store.open(new StoreConfig(OwnerOnlyFiles.h2Url(base, ""), null, null, 1))) {
            store.migrate();
            assertThat(store.database().transaction((Repositories repos) ->
                    repos.clusters().findByUuid(cluster.uuid()))).isPresent();
        }
    }

    @Test
    void without_it_h2_follows_the_umask_which_is_why_it_exists() throws IOException {
        Path base = dir.resolve("plain").resolve("magnetar");
        Files.createDirectories(base.getParent());
        try (Store store = Store.open(new StoreConfig("jdbc:h2:file:" + base + TRACING, null, null, 1))) {
            store.migrate();
        }

        assertThat(modes(base.getParent()).get("magnetar.mv.db")).isNotEqualTo("rw-------");
    }

    private static Map<String, String> modes(Path dir) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                modes.put(file.getFileName().toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return modes;
    }
}
