package dev.magnetar.driver.dcos;

import dev.magnetar.driver.dcos.config.NodeFiles;
import dev.magnetar.driver.dcos.heat.DcosStackRenderer;
import dev.magnetar.driver.kit.testing.ShellCheck;
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
                "upgrade-watch", NodeFiles.upgradeWatcher(),
                "ip-detect", NodeFiles.ipDetect(),
                "ip-detect-public", NodeFiles.ipDetectPublic());
        return scripts.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path script = dir.resolve(e.getKey() + ".sh");
            Files.writeString(script, e.getValue());
            ShellCheck.passes(script);
        }));
    }

    /** As the templates' list_join puts it together: common helpers, the prerequisite list, the role. */
    private static String assembled(Map<String, String> files, String role) {
        return String.join("\n", files.get("fragments/common.sh"), files.get("fragments/prerequisites.sh"),
                files.get("fragments/local-universe.sh"), files.get(role));
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
}
