package dev.magnetar.driver.mesos;

import dev.magnetar.driver.kit.testing.ShellCheck;
import dev.magnetar.driver.mesos.heat.MesosStackRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node script passes shellcheck exactly as Heat assembles it (common.sh joined with the
 * role's script), and every {@code __TOKEN__} in it is one its template replaces, so no literal
 * token reaches a node. Without shellcheck the check skips with a message, or fails when
 * MAGNETAR_TEST_REQUIRE_TOOLS=true.
 */
class NodeScriptsTest {

    private static final Pattern TOKEN = Pattern.compile("__[A-Z_]+__");
    /** The role's script and the nested template that assembles it. */
    private static final Map<String, String> TEMPLATE_OF_ROLE = Map.of("master", "master.yaml", "agent", "agent.yaml");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyScriptIsShellcheckClean() {
        return TEMPLATE_OF_ROLE.keySet().stream().sorted().map(role -> DynamicTest.dynamicTest(role, () -> {
            Path script = dir.resolve(role + ".sh");
            Files.writeString(script, script(role));
            ShellCheck.passes(script);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTokenInAScriptIsReplacedByItsTemplate() {
        return TEMPLATE_OF_ROLE.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String template = MesosStackRenderer.files().get(e.getValue());
            assertThat(tokens(template)).as("tokens %s replaces", e.getValue()).isEqualTo(tokens(script(e.getKey())));
        }));
    }

    private static String script(String role) {
        Map<String, String> files = MesosStackRenderer.files();
        return files.get("fragments/common.sh") + "\n" + files.get("fragments/" + role + ".sh");
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new TreeSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
