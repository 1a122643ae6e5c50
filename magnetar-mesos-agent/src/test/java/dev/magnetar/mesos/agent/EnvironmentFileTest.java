package dev.magnetar.mesos.agent;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "it's", "$(touch /tmp/pwned)", "`id`", "a b  c", "\\n", "'\"'\"", "${HOME}",
            "x; rm -rf /", "{\"A\":\"it's $(x)\"}", "#comment", "--- ...", "é ünïcode"})
    void bashReadsBackExactlyTheValue(String value) throws Exception {
        Path file = dir.resolve("env");
        Files.writeString(file, EnvironmentFile.render("agent flags", Map.of("MESOS_X", value)));

        assertThat(readWithBash(file, "MESOS_X")).isEqualTo(value);
    }

    @Test
    void refusesLineBreaksAndBadNames() {
        assertThatThrownBy(() -> EnvironmentFile.quote("a\nMESOS_Y=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvironmentFile.line("MESOS-X", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesOneLinePerVariableAfterTheHeader() {
        assertThat(EnvironmentFile.render("written by Magnetar", new java.util.LinkedHashMap<>(Map.of("A", "1"))))
                .isEqualTo("# written by Magnetar\nA='1'\n");
    }

    static String readWithBash(Path file, String variable) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to read the file back");
        Process bash = new ProcessBuilder("/bin/bash", "-c", "set -a; . \"$1\"; printf %s \"${!2}\"", "bash",
                file.toString(), variable).redirectErrorStream(true).start();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
