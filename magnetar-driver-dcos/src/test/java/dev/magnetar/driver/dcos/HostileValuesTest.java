package dev.magnetar.driver.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.kit.testing.GoldenFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No value a user controls can change the structure of config.yaml or escape a shell word: each
 * rendered file is parsed back (YAML by a YAML parser, the env files by bash itself) and compared.
 */
class HostileValuesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One-line values; line breaks are refused by the label rules and covered separately. */
    private static final List<String> HOSTILE = List.of("it's \"quoted\"", "$(touch /tmp/pwned)", "`id`",
            "---", "...", "# not a comment", "key: value", "a: b\n---\nc: d", "{x: 1}", "[1, 2]", "&anchor *alias",
            "!!python/object:os.system", "'; rm -rf / #", "\\\\ backslash \\n", "%TAG ! tag:example.org,2000:");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void cannotChangeTheStructureOfConfigYaml(int index) throws Exception {
        String hostile = HOSTILE.get(index);
        String oneLine = hostile.replace("\n", " ");
        ClusterTemplate template = Fixtures.blueprintTemplate().toBuilder().labels(Map.of(
                "exhibitor_storage_backend", "azure",
                "exhibitor_azure_account_name", "magnetar",
                "exhibitor_azure_account_key", oneLine,
                "exhibitor_azure_prefix", "dcos")).build();
        Cluster cluster = Fixtures.blueprintCluster(template).toBuilder().name(hostile).build();

        String yaml = GoldenFiles.decode(new DcosDriver(Fixtures.SETTINGS)
                .stackSpec(template, cluster, Fixtures.context()), "dcos_config");
        // What the bootstrap server appends must still land as top-level keys.
        JsonNode tree = YAML.readTree(yaml + "bootstrap_url: \"http://10.0.0.4:8086\"\nmaster_list: [\"10.0.0.5\"]\n");

        assertThat(tree.path("cluster_name").textValue()).isEqualTo(hostile);
        assertThat(tree.path("exhibitor_azure_account_key").textValue()).isEqualTo(oneLine);
        assertThat(fieldNames(tree)).containsExactly("cluster_name", "exhibitor_storage_backend",
                "exhibitor_azure_account_name", "exhibitor_azure_account_key", "exhibitor_azure_prefix",
                "master_discovery", "resolvers", "dcos_overlay_enable", "dcos_overlay_mtu", "calico_enabled",
                "enable_ipv6", "check_time", "oauth_enabled", "telemetry_enabled", "docker_remove_delay", "gc_delay",
                "docker_stop_timeout", "ip_detect_public_filename", "bootstrap_url", "master_list");
        assertThat(YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll()).hasSize(1);
    }

    @Test
    void executorEnvironmentSurvivesBashAndJsonRoundTrips() throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            variables.put("V" + i, HOSTILE.get(i));
        }
        ClusterTemplate template = Fixtures.blueprintTemplate().toBuilder()
                .labels(Map.of("executor_environment_variables", JSON.writeValueAsString(variables))).build();
        StackSpec spec = new DcosDriver(Fixtures.SETTINGS).stackSpec(template, Fixtures.blueprintCluster(template),
                Fixtures.context());
        Path file = dir.resolve("mesos-slave-common");
        Files.writeString(file, GoldenFiles.decode(spec, "agent_flags"));

        String value = readWithBash(file, "MESOS_EXECUTOR_ENVIRONMENT_VARIABLES");

        assertThat(JSON.readValue(value, Map.class)).isEqualTo(variables);
    }

    @Test
    void nodeScriptsReceiveUserValuesOnlyAsBase64() {
        StackSpec spec = GoldenCases.all().getFirst().spec();

        for (String parameter : List.of("node_settings", "dcos_config", "agent_flags", "ip_detect", "ip_detect_public")) {
            assertThat(spec.parameters().get(parameter).toString()).as(parameter).matches("[A-Za-z0-9+/=]*");
        }
    }

    private static List<String> fieldNames(JsonNode tree) {
        List<String> names = new java.util.ArrayList<>();
        Iterator<String> it = tree.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    static String readWithBash(Path file, String variable) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to read the file back");
        Process bash = new ProcessBuilder("/bin/bash", "-c", "set -a; . \"$1\"; printf %s \"${!2}\"", "bash",
                file.toString(), variable).start();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isZero();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
