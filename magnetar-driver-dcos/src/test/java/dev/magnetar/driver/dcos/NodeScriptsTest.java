package dev.magnetar.driver.dcos;

import dev.magnetar.driver.dcos.config.NodeFiles;
import dev.magnetar.driver.dcos.heat.DcosStackRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every node script passes shellcheck exactly as Heat assembles it (common.sh, the prerequisite
 * list and the role's script). Without shellcheck the tests skip with a message, or fail when
 * MAGNETAR_TEST_REQUIRE_TOOLS=true.
 */
class NodeScriptsTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyScriptIsShellcheckClean() {
        Map<String, String> files = DcosStackRenderer.files();
        Map<String, String> scripts = Map.of(
                "bootstrap", assembled(files, "fragments/bootstrap.sh"),
                "node", assembled(files, "fragments/node.sh"),
                "ip-detect", NodeFiles.ipDetect(),
                "ip-detect-public", NodeFiles.ipDetectPublic());
        return scripts.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path script = dir.resolve(e.getKey() + ".sh");
            Files.writeString(script, e.getValue());
            shellcheck(script);
        }));
    }

    /** As the templates' list_join puts it together: common helpers, the prerequisite list, the role. */
    private static String assembled(Map<String, String> files, String role) {
        return String.join("\n", files.get("fragments/common.sh"), files.get("fragments/prerequisites.sh"),
                files.get(role));
    }

    @Test
    void ipDetectPrintsOneIpv4AddressFromTheRoute() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip")), "iproute2 is needed");
        Path script = dir.resolve("ip-detect");
        Files.writeString(script, NodeFiles.ipDetect());
        Process p = new ProcessBuilder("/bin/bash", script.toString()).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(p.exitValue() == 0, "this host has no route towards 8.8.8.8");
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}\n");
    }

    private static void shellcheck(Path script) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("shellcheck", "-s", "bash", script.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException absent) {
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
