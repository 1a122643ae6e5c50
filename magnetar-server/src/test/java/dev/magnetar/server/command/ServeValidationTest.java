package dev.magnetar.server.command;

import dev.magnetar.server.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} checks the whole configuration before it starts anything. */
class ServeValidationTest {

    @TempDir
    Path dir;

    @Test
    void a_bad_value_stops_serve_naming_the_key_the_value_and_what_is_allowed() throws IOException {
        Path file = dir.resolve("magnetar.toml");
        Files.writeString(file, """
                [service]
                data_dir = "%s"

                [monitor]
                concurrency = 0
                """.formatted(dir.resolve("data")));
        PrintStream standardError = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("serve", "--config-file", file.toString());
        } finally {
            System.setErr(standardError);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "[monitor] concurrency (MAGNETAR_MONITOR_CONCURRENCY) is '0'; allowed: a whole number 1 or more");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
