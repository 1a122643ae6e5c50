package dev.magnetar.driver.kit.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's shared node helpers run by bash as Heat assembles them, with the wait condition's
 * signal command ({@code __WC_NOTIFY__}) replaced by a recorder: what a node tells Heat when a
 * step fails, including a step inside a function (every node script's steps are).
 */
class NodeCommonScriptTest {

    @TempDir
    Path dir;

    @Test
    void a_command_failing_inside_a_function_signals_failure_naming_the_step_and_stops() throws Exception {
        Run run = run("""
                install() {
                    step "installing the frobnicator"
                    false
                    echo "after the failure" >&2
                }
                install
                signal SUCCESS "done"
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.signals()).containsExactly("{\"status\": \"FAILURE\", \"reason\": "
                + "\"Toy node failed while installing the frobnicator\", \"data\": \"\"}");
        assertThat(run.stderr()).doesNotContain("after the failure");
    }

    @Test
    void a_failure_in_a_nested_function_and_in_a_pipeline_signals_failure_once() throws Exception {
        Run run = run("""
                inner() { step "reading the settings"; printf 'x' | grep -q y; }
                outer() { inner; }
                outer
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.signals()).hasSize(1).first().asString()
                .contains("\"FAILURE\"", "failed while reading the settings");
    }

    @Test
    void a_script_whose_steps_succeed_signals_only_its_own_success() throws Exception {
        Run run = run("""
                work() { step "working"; true; }
                work
                signal SUCCESS "all good" "1.2.3"
                """);

        assertThat(run.exit()).isZero();
        assertThat(run.signals())
                .containsExactly("{\"status\": \"SUCCESS\", \"reason\": \"all good\", \"data\": \"1.2.3\"}");
    }

    private record Run(int exit, List<String> signals, String stderr) {
    }

    private Run run(String body) throws Exception {
        Path signals = dir.resolve("signals");
        Files.createFile(signals);
        String common = new HeatTemplates(new DriverResources(NodeCommonScriptTest.class,
                "/dev/magnetar/driver/kit/toy"), "templates", "toy.yaml", List.of(HeatTemplates.SCRIPT_BASE))
                .withSharedScriptBase().files().get(HeatTemplates.SCRIPT_BASE);
        // The recorder takes curl's place: the body follows --data-binary, one signal per line.
        String recorder = "record_signal() { while [ \"$1\" != --data-binary ]; do shift; done; "
                + "printf '%s\\n' \"$2\" >> '" + signals + "'; }\n";
        Path script = dir.resolve("node.sh");
        Files.writeString(script, common.replace("__WC_NOTIFY__", "record_signal") + "\n" + recorder
                + "NODE_KIND=Toy\n" + body);
        Process p = new ProcessBuilder("/bin/bash", script.toString()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the script ends").isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.exitValue(), Files.readAllLines(signals), stderr);
    }
}
