package dev.magnetar.driver.dcos;

import dev.magnetar.driver.dcos.config.NodeFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node upgrade watcher run for real with bash and python3, against a stand-in metadata file, a
 * recording {@code curl} and a stand-in DC/OS: an agent fetches and runs the node upgrade script,
 * waits for its checks and signals success once per wait condition; a node already on the release
 * (added after the upgrade) only confirms; failing checks signal a failure naming the step; and a
 * metadata value that is not what it must be stops the watcher before anything runs.
 */
class UpgradeWatcherTest {

    @TempDir
    Path dir;
    Path signals;
    Path fetched;

    @BeforeEach
    void standIns() throws Exception {
        signals = dir.resolve("signals");
        fetched = dir.resolve("fetched");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // curl: file:// URLs are copied, the node upgrade script is a stand-in that moves the release,
        // and a POST (the signal) is recorded with its URL and body.
        write(bin.resolve("curl"), """
                #!/usr/bin/env bash
                out=""; data=""; url=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) out=$2; shift 2 ;;
                    --data-binary) data=$2; shift 2 ;;
                    -H|-X|--retry|--retry-delay) shift 2 ;;
                    -*) shift ;;
                    *) url=$1; shift ;;
                  esac
                done
                if [ -n "$data" ]; then printf '%s %s\\n' "$url" "$data" >> "$SIGNALS"; exit 0; fi
                printf '%s\\n' "$url" >> "$FETCHED"
                case "$url" in
                  file://*) cp "${url#file://}" "$out" ;;
                  */dcos_node_upgrade.sh) printf 'printf %s "{\\\\"version\\\\": \\\\"2.2.1\\\\"}" > "$VERSION_FILE"\\n' > "$out" ;;
                  *) exit 22 ;;
                esac
                """);
        write(dir.resolve("checks-pass"), "#!/usr/bin/env bash\nexit 0\n");
        write(dir.resolve("checks-fail"), "#!/usr/bin/env bash\necho 'mesos_agent_registered_with_masters: failed'\nexit 1\n");
        Files.writeString(dir.resolve("node.env"), "ROLE=slave\nBOOTSTRAP_URL=http://10.0.0.4:8086\nINSTALLER_DIR=\n");
        installed("2.1.2");
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        file.toFile().setExecutable(true);
    }

    private void installed(String release) throws Exception {
        Files.writeString(dir.resolve("dcos-version.json"), "{\"version\": \"" + release + "\"}");
    }

    private void metadata(Map<String, String> meta) throws Exception {
        StringBuilder json = new StringBuilder("{\"uuid\": \"x\", \"meta\": {");
        meta.forEach((k, v) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ", ")
                .append('"').append(k).append("\": \"").append(v.replace("\"", "\\\"")).append('"'));
        Files.writeString(dir.resolve("meta_data.json"), json.append("}}").toString());
    }

    private static Map<String, String> upgradeTo(String release, String endpoint) {
        return Map.of("magnetar_upgrade_release", release, "magnetar_upgrade_from", "2.1.2",
                "magnetar_upgrade_endpoint", endpoint, "magnetar_upgrade_token", "abc123");
    }

    private int run(String checks) throws Exception {
        Path script = dir.resolve("magnetar-dcos-upgrade");
        Files.writeString(script, NodeFiles.upgradeWatcher());
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", dir.resolve("bin") + ":" + env.get("PATH"));
        env.put("SIGNALS", signals.toString());
        env.put("FETCHED", fetched.toString());
        env.put("VERSION_FILE", dir.resolve("dcos-version.json").toString());
        env.put("MAGNETAR_METADATA_URL", "file://" + dir.resolve("meta_data.json"));
        env.put("MAGNETAR_STATE_DIR", dir.resolve("state").toString());
        env.put("MAGNETAR_NODE_ENV", dir.resolve("node.env").toString());
        env.put("MAGNETAR_DCOS_VERSION_FILE", dir.resolve("dcos-version.json").toString());
        env.put("MAGNETAR_CHECK_RUNNER", dir.resolve(checks).toString());
        env.put("MAGNETAR_HEALTH_ATTEMPTS", "2");
        env.put("MAGNETAR_HEALTH_DELAY", "0");
        env.put("MAGNETAR_WORK_DIR", dir.resolve("work").toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private String signalled() throws Exception {
        return Files.exists(signals) ? Files.readString(signals, StandardCharsets.UTF_8) : "";
    }

    @Test
    void an_agent_runs_the_node_upgrade_script_waits_for_its_checks_and_signals_success_once() throws Exception {
        metadata(upgradeTo("2.2.1", "http://heat.example:8000/v1/signal/agent-1-a"));

        assertThat(run("checks-pass")).isZero();
        assertThat(run("checks-pass")).isZero();

        assertThat(Files.readString(fetched)).contains("http://10.0.0.4:8086/upgrade/magnetar-2.2.1/dcos_node_upgrade.sh");
        assertThat(Files.readString(dir.resolve("dcos-version.json"))).contains("2.2.1");
        assertThat(signalled()).isEqualTo("http://heat.example:8000/v1/signal/agent-1-a {\"status\": \"SUCCESS\", "
                + "\"reason\": \"slave healthy on DC/OS 2.2.1\", \"data\": \"2.2.1\"}\n");
    }

    @Test
    void a_node_already_on_the_release_confirms_without_running_the_script() throws Exception {
        installed("2.2.1");
        metadata(upgradeTo("2.2.1", "http://heat.example:8000/v1/signal/agent-3-a"));

        assertThat(run("checks-pass")).isZero();

        assertThat(Files.readString(fetched)).doesNotContain("dcos_node_upgrade.sh");
        assertThat(signalled()).contains("\"status\": \"SUCCESS\"");
    }

    @Test
    void failing_checks_signal_a_failure_naming_the_step_and_a_retry_signals_its_own_wait_condition() throws Exception {
        metadata(upgradeTo("2.2.1", "http://heat.example:8000/v1/signal/agent-1-a"));

        assertThat(run("checks-fail")).isNotZero();
        assertThat(run("checks-fail")).as("the same wait condition is not signalled twice").isZero();
        metadata(upgradeTo("2.2.1", "http://heat.example:8000/v1/signal/agent-1-b"));
        assertThat(run("checks-pass")).isZero();

        assertThat(signalled().lines()).containsExactly(
                "http://heat.example:8000/v1/signal/agent-1-a {\"status\": \"FAILURE\", \"reason\": \"slave node failed "
                        + "its upgrade to DC/OS 2.2.1 while post-start checks still failing: "
                        + "mesos_agent_registered_with_masters: failed\", \"data\": \"\"}",
                "http://heat.example:8000/v1/signal/agent-1-b {\"status\": \"SUCCESS\", \"reason\": \"slave healthy on "
                        + "DC/OS 2.2.1\", \"data\": \"2.2.1\"}");
    }

    @Test
    void a_metadata_value_that_breaks_its_pattern_stops_the_watcher_before_anything_runs() throws Exception {
        Path marker = dir.resolve("pwned");
        metadata(upgradeTo("2.2.1$(touch " + marker + ")", "http://heat.example:8000/v1/signal/agent-1-a"));

        assertThat(run("checks-pass")).isNotZero();

        assertThat(marker).doesNotExist();
        assertThat(signalled()).isEmpty();
        assertThat(Files.readString(fetched)).doesNotContain("dcos_node_upgrade.sh");
        assertThat(Files.readString(dir.resolve("log"))).contains("metadata magnetar_upgrade_release is not allowed");
    }
}
