package dev.magnetar.server.monitor;

import dev.magnetar.core.monitor.SecretBox;
import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.wiring.MagnetarService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code <data_dir>/secret.key}: written whole or not at all, and never silently replaced. */
class ServiceSecretKeyTest {

    @TempDir
    Path dir;

    @Test
    void a_new_key_is_written_whole_owner_only_and_leaves_no_temporary_file() throws Exception {
        Path file = dir.resolve(ServiceSecretKey.FILE);

        byte[] key = ServiceSecretKey.fromFile(file);

        assertThat(key).hasSize(SecretBox.KEY_BYTES);
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly(ServiceSecretKey.FILE);
        }
    }

    @Test
    void the_key_is_read_back_unchanged_on_every_later_start() {
        Path file = dir.resolve(ServiceSecretKey.FILE);
        byte[] first = ServiceSecretKey.fromFile(file);

        assertThat(ServiceSecretKey.fromFile(file)).isEqualTo(first);
    }

    @Test
    void an_empty_key_file_is_refused_with_what_to_do_and_is_not_replaced() throws Exception {
        Path file = Files.createFile(dir.resolve(ServiceSecretKey.FILE));

        assertThatThrownBy(() -> ServiceSecretKey.fromFile(file))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining(file + " is empty")
                .hasMessageContaining("Restore")
                .hasMessageContaining("[service] secret_key")
                .hasMessageContaining("delete the file");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void a_short_key_file_is_refused_and_kept() throws Exception {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]) + "\n";
        Path file = Files.writeString(dir.resolve(ServiceSecretKey.FILE), sixteen);

        assertThatThrownBy(() -> ServiceSecretKey.fromFile(file))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("holds 16 bytes, not 32")
                .hasMessageContaining("does not replace it");
        assertThat(Files.readString(file)).isEqualTo(sixteen);
    }

    @Test
    void a_truncated_key_file_that_is_not_base64_is_refused() throws Exception {
        Path file = Files.writeString(dir.resolve(ServiceSecretKey.FILE), "q0Ftb", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> ServiceSecretKey.fromFile(file))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("does not hold base64 text");
    }

    @Test
    void a_temporary_file_left_by_a_crash_before_the_key_took_its_name_is_removed() throws Exception {
        Path leftover = Files.writeString(dir.resolve(ServiceSecretKey.TEMPORARY_PREFIX + "123.tmp"), "half");

        ServiceSecretKey.fromFile(dir.resolve(ServiceSecretKey.FILE));

        assertThat(leftover).doesNotExist();
        assertThat(dir.resolve(ServiceSecretKey.FILE)).exists();
    }

    @Test
    void serve_does_not_start_on_an_empty_key_file_and_says_why() throws Exception {
        Files.createFile(dir.resolve(ServiceSecretKey.FILE));
        Config config = Config.load(null, Map.of(), Map.of(Option.DATA_DIR, dir.toString(), Option.API_PORT, "0",
                Option.SIMULATION_SPEED, "instant"));

        assertThatThrownBy(() -> MagnetarService.start(config).close())
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("is empty");
        assertThat(Files.size(dir.resolve(ServiceSecretKey.FILE))).isZero();
    }
}
