package dev.magnetar.server.wiring;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.Fixtures;
import dev.magnetar.server.support.LogCapture;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The data directory holds the database (sealed keys, tokens, secret labels), the secret key and the
 * simulated cloud's stacks: it is created 0700 and everything in it 0600 (directories 0700), even
 * under the usual umask 022, and a directory open to others stops {@code serve}.
 */
class DataDirectoryTest {

    @TempDir
    Path parent;

    @BeforeEach
    void theUmaskWouldMakeFilesReadableByOthers() throws IOException {
        Path probe = Files.createFile(parent.resolve("probe"));
        assumeThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)))
                .as("this test proves something only under a umask that leaves files readable by others")
                .isNotEqualTo("rw-------");
        Files.delete(probe);
    }

    @Test
    void serve_creates_the_data_directory_and_every_file_in_it_owner_only() throws Exception {
        Path data = parent.resolve("new").resolve("data");
        try (TestServer server = TestServer.start(Map.of(Option.DATA_DIR, data.toString()))) {
            Api member = server.api().as("p-modes", "member");
            Api.Response template = member.post("/v1/clustertemplates", Fixtures.template("modes"));
            assertThat(template.status()).as(template.toString()).isEqualTo(201);
            Api.Response created = member.post("/v1/clusters", Map.of("name", "modes",
                    "cluster_template_id", template.json().path("uuid").asText(), "node_count", 1));
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            Eventually.await("the simulated cloud stored the stack", Duration.ofSeconds(20),
                    () -> countFiles(data.resolve("simulated-cloud")), n -> n > 0);
        }

        assertThat(mode(data)).isEqualTo("rwx------");
        List<String> loose = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(data)) {
            paths.skip(1).forEach(p -> {
                String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
                if (!mode(p).equals(expected)) {
                    loose.add(data.relativize(p) + " " + mode(p));
                }
            });
        }
        assertThat(loose).isEmpty();
        assertThat(data.resolve("magnetar.mv.db")).exists();
        assertThat(data.resolve("secret.key")).exists();
    }

    @Test
    void serve_refuses_a_data_directory_that_others_may_enter_and_names_the_fix() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Config config = Config.load(null, Map.of(), Map.of(Option.DATA_DIR, data.toString(), Option.API_PORT, "0"));

        assertThatThrownBy(() -> MagnetarService.start(config).close())
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining(data + " has mode 0755 (rwxr-xr-x)")
                .hasMessageContaining("chmod -R go= " + data);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).as("nothing is written into a refused directory").isEmpty();
        }
    }

    @Test
    void a_group_writable_data_directory_is_refused_too() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwx---"));

        assertThatThrownBy(() -> DataDirectory.prepare(data))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("has mode 0770");
    }

    @Test
    void group_read_for_a_backup_account_is_allowed() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));

        assertThat(DataDirectory.prepare(data)).isEqualTo(data);
    }

    @Test
    void files_open_to_others_inside_a_closed_directory_are_named_in_a_warning() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path old = Files.createFile(data.resolve("magnetar.mv.db"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        try (LogCapture log = LogCapture.start()) {
            DataDirectory.prepare(data);
            assertThat(log.text()).contains("WARN").contains("magnetar.mv.db (0644)")
                    .contains("chmod -R go= " + data);
        }
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
