package dev.magnetar.driver.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.kit.testing.GoldenFiles;
import dev.magnetar.driver.mesos.heat.MesosStackRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No value a user controls can escape its place: each rendered file is read back the way a node
 * reads it (the environment files by bash itself, the executor environment as JSON after that,
 * REX-Ray's file by a YAML parser) and compared with what was given.
 */
class HostileValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One-line values; line breaks are refused before rendering and covered separately. */
    static List<String> hostile() {
        return List.of("it's \"quoted\"", "$(touch /tmp/pwned)", "`id`", "${HOME}", "'; rm -rf / #", "a b  c",
                "\\\\ backslash \\n", "---", "key: value", "{x: 1}", "&anchor *alias", "!!python/object:os.system",
                "%TAG ! tag:example.org,2000:", "é ünïcode ✓", "MESOS_ISOLATION=cgroups/all");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("hostile")
    void clusterNameReachesTheMasterAsExactlyOneValue(String name) throws Exception {
        ClusterTemplate template = Fixtures.template(Map.of());
        Cluster cluster = Fixtures.cluster(template).toBuilder().name(name).build();
        StackSpec spec = Fixtures.driver().stackSpec(template, cluster, Fixtures.context());

        Map<String, String> env = readWithBash(GoldenFiles.decode(spec, "master_flags"));

        assertThat(env).containsEntry("MESOS_CLUSTER", name).containsEntry("MESOS_QUORUM", "1")
                .containsOnlyKeys("MESOS_PORT", "MESOS_CLUSTER", "MESOS_QUORUM", "MESOS_WORK_DIR",
                        "MESOS_ZK_SESSION_TIMEOUT");
    }

    @Test
    void executorEnvironmentSurvivesBashThenJson() throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> values = hostile();
        for (int i = 0; i < values.size(); i++) {
            variables.put("V" + i, values.get(i));
        }
        variables.put("NEWLINE_INSIDE_JSON", "line one\nline two\ttab");
        ClusterTemplate template = Fixtures.template(Map.of("mesos_slave_executor_env_variables",
                JSON.writeValueAsString(variables)));
        StackSpec spec = Fixtures.driver().stackSpec(template, Fixtures.cluster(template), Fixtures.context());

        Map<String, String> env = readWithBash(GoldenFiles.decode(spec, "agent_flags"));

        assertThat(JSON.readValue(env.get("MESOS_EXECUTOR_ENVIRONMENT_VARIABLES"), Map.class)).isEqualTo(variables);
        assertThat(env).containsEntry("MESOS_ISOLATION", "posix/cpu,posix/mem");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void rexrayCredentialCannotChangeTheStructureOfItsYaml(String secret) throws Exception {
        ClusterTemplate template = Fixtures.template(Map.of("rexray_preempt", "true")).toBuilder()
                .volumeDriver("rexray").build();
        DeploymentContext context = new DeploymentContext("https://keystone.example.org/v3", "RegionOne", "demo",
                "Default", new StackCredential("project-1", "user-1", secret), Fixtures.SETTINGS);
        StackSpec spec = Fixtures.driver().stackSpec(template, Fixtures.cluster(template), context);

        JsonNode config = YAML.readTree(GoldenFiles.decode(spec, "rexray_config"));

        assertThat(config.path("cinder").path("password").textValue()).isEqualTo(secret);
        assertThat(config.path("libstorage").path("integration").path("volume").path("operations").path("mount")
                .path("preempt").booleanValue()).isTrue();
        assertThat(List.of(config.fieldNames().next(), config.size())).isEqualTo(List.of("rexray", 3));
    }

    @Test
    void previewsMaskTheRexrayCredentialThatTheStackCarries() {
        ClusterTemplate template = Fixtures.template(Map.of()).toBuilder().volumeDriver("rexray").build();
        DeploymentContext context = new DeploymentContext("https://keystone.example.org/v3", "RegionOne", "demo",
                "Default", new StackCredential("project-1", "user-1", "s3cr3t-value"), Fixtures.SETTINGS);

        String preview = Fixtures.driver().nodeFiles(template, Fixtures.cluster(template), context).get("agent")
                .get("rexray-config.yml");

        assertThat(preview).contains("password: \"***\"").doesNotContain("s3cr3t-value");
    }

    @Test
    void nodeScriptsReceiveRenderedFilesOnlyAsBase64() {
        for (GoldenCases.Case c : GoldenCases.all()) {
            StackSpec spec = c.spec();
            for (String parameter : MesosStackRenderer.FILE_PARAMETERS) {
                assertThat(spec.parameters().get(parameter).toString()).as(c.name() + " " + parameter)
                        .matches("[A-Za-z0-9+/=]*");
            }
        }
    }

    /** Every variable the file defines, as bash sees it after {@code set -a; . file}. */
    private Map<String, String> readWithBash(String file) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to read the file back");
        Path path = dir.resolve("flags.env");
        Files.writeString(path, file);
        List<String> names = file.lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')))
                .toList();
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", "-c",
                "set -a; . \"$1\"; shift; for name in \"$@\"; do printf '%s\\0' \"${!name}\"; done", "bash",
                path.toString()));
        command.addAll(names);
        Process bash = new ProcessBuilder(command).start();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isZero();
        String[] read = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\0", -1);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), read[i]);
        }
        return values;
    }
}
