package dev.magnetar.cli.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.cli.error.CommandError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsTest {

    private final Labels labels = new Labels(new ObjectMapper());

    @Test
    void noLabelsIsAnEmptyMap() {
        assertThat(labels.parse(List.of())).isEmpty();
        assertThat(labels.parse(null)).isEmpty();
    }

    @Test
    void aSingleArgumentWithSeveralPairsIsSplitOnCommasAndSemicolons() {
        assertThat(labels.parse(List.of("dcos_overlay_enable=true,dns_search=example.com;check_time=false")))
                .containsExactly(Map.entry("dcos_overlay_enable", "true"), Map.entry("dns_search", "example.com"),
                        Map.entry("check_time", "false"));
    }

    @Test
    void aSingleArgumentWithOnePairKeepsItsCommas() {
        assertThat(labels.parse(List.of("mesos_slave_isolation=cgroups/cpu,cgroups/mem")))
                .containsExactly(Map.entry("mesos_slave_isolation", "cgroups/cpu,cgroups/mem"));
    }

    @Test
    void repeatedOptionsAreTakenWholeWithoutSplitting() {
        assertThat(labels.parse(List.of("a=1,2", "b=x=y")))
                .containsExactly(Map.entry("a", "1,2"), Map.entry("b", "x=y"));
    }

    @Test
    void aRepeatedKeyJoinsItsValuesWithCommas() {
        assertThat(labels.parse(List.of("mesos_slave_isolation=cgroups/cpu", "mesos_slave_isolation=docker/runtime")))
                .containsExactly(Map.entry("mesos_slave_isolation", "cgroups/cpu,docker/runtime"));
        assertThat(labels.parse(List.of("k=1;k=2")))
                .containsExactly(Map.entry("k", "1,2"));
    }

    @Test
    void onlyTheFirstEqualsSeparatesKeyFromValue() {
        assertThat(labels.parse(List.of("a=b=c", "d=")))
                .containsExactly(Map.entry("a", "b=c"), Map.entry("d", ""));
    }

    @Test
    void aPairWithoutEqualsIsRefusedNamingIt() {
        assertThatThrownBy(() -> labels.parse(List.of("justakey")))
                .isInstanceOf(CommandError.class)
                .hasMessage("labels must be a list of KEY=VALUE not justakey");
        assertThatThrownBy(() -> labels.parse(List.of("a=1,b=2,")))
                .isInstanceOf(CommandError.class)
                .hasMessage("labels must be a list of KEY=VALUE not ");
    }

    @Test
    void theExecutorEnvFilePseudoLabelIsReplacedByTheFileContentAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("env.json");
        Files.writeString(file, "  {\"PATH\": \"/usr/bin\", \"LANG\":\"C.UTF-8\", \"N\": \"é\"}\n");

        Map<String, String> parsed = labels.parse(List.of("mesos_slave_executor_env_file=" + file, "other=1"));

        assertThat(parsed).containsOnlyKeys("other", "mesos_slave_executor_env_variables");
        assertThat(parsed.get("mesos_slave_executor_env_variables"))
                .isEqualTo("{\"PATH\": \"/usr/bin\", \"LANG\": \"C.UTF-8\", \"N\": \"\\u00E9\"}");
    }

    @Test
    void anUnreadableOrInvalidExecutorEnvFileIsACommandError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> labels.parse(List.of("mesos_slave_executor_env_file=" + dir.resolve("missing.json"))))
                .isInstanceOf(CommandError.class)
                .hasMessageStartingWith("Cannot get JSON from file '" + dir.resolve("missing.json") + "'");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{not json");
        assertThatThrownBy(() -> labels.parse(List.of("mesos_slave_executor_env_file=" + broken)))
                .isInstanceOf(CommandError.class)
                .hasMessageStartingWith("For JSON: '{not json', error:");
    }
}
