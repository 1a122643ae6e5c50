package dev.magnetar.driver.kit.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs shellcheck on a node script as Heat assembles it. Where the tool is missing the test is
 * skipped, unless {@code MAGNETAR_TEST_REQUIRE_TOOLS=true} (as in CI) makes that a failure.
 */
public final class ShellCheck {

    private ShellCheck() {
    }

    public static void passes(Path script) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("shellcheck", "-s", "bash", script.toString()).redirectErrorStream(true).start();
        } catch (IOException absent) {
            if ("true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_TOOLS"))) {
                fail("shellcheck is required (MAGNETAR_TEST_REQUIRE_TOOLS=true): apt-get install -y shellcheck");
            }
            Assumptions.abort("shellcheck is not installed; skipping (apt-get install -y shellcheck)");
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
    }
}
