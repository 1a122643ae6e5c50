package dev.magnetar.image;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every script of every element (phase scripts and environment.d files), the build script and
 * the shared prerequisite list pass shellcheck.
 */
class ElementScriptsShellcheckTest {

    @TestFactory
    Stream<DynamicTest> everyScriptIsShellcheckClean() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(Repo.ELEMENTS)) {
            scripts = files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().endsWith(".d"))
                    .sorted().toList();
        }
        assertThat(scripts).as("element scripts").hasSizeGreaterThanOrEqualTo(6);
        return Stream.concat(scripts.stream(), Stream.of(Repo.BUILD_SCRIPT, Repo.PREREQUISITES, Repo.ROOT.resolve("scripts/ensure-tools.sh")))
                .map(script -> DynamicTest.dynamicTest(Repo.ROOT.relativize(script).toString(),
                        () -> shellcheck(script)));
    }

    @TestFactory
    Stream<DynamicTest> everyPhaseScriptIsExecutable() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.ELEMENTS)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().matches(".*\\.d")
                            && !f.getParent().getFileName().toString().equals("environment.d"))
                    .sorted().toList().stream()
                    .map(script -> DynamicTest.dynamicTest(Repo.ROOT.relativize(script).toString(),
                            () -> assertThat(Files.isExecutable(script)).as("diskimage-builder runs only executable hooks").isTrue()));
        }
    }

    private static void shellcheck(Path script) throws Exception {
        Path shellcheck = Tools.require("shellcheck", "shellcheck");
        Process p = new ProcessBuilder(shellcheck.toString(), "-s", "bash", script.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
    }
}
