package dev.magnetar.mesos.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AgentFlagReaderTest {

    private final AgentFlagReader reader = new AgentFlagReader(IsolatorCatalog.MESOS_1_11);

    @Test
    void imageProvidersAreCaseInsensitive() {
        assertThat(reader.imageProviders("image_providers", "DOCKER,appc"))
                .containsExactly(ImageProvider.DOCKER, ImageProvider.APPC);
        assertThat(reader.violations()).isEmpty();
    }

    @Test
    void launcherIsExact() {
        assertThat(reader.launcher("launcher", "linux")).contains(Launcher.LINUX);
        assertThat(reader.launcher("launcher", "windows")).isEmpty();
        assertThat(reader.violations()).singleElement()
                .extracting(FlagViolation::message).isEqualTo("flag 'launcher' value 'windows': must be one of linux, posix");
    }

    @Test
    void executorEnvironmentKeepsStringsInOrder() {
        Optional<Map<String, String>> vars = reader.executorEnvironmentVariables("executor_environment_variables",
                "{\"B\":\"1\",\"A\":\"x y\"}");

        assertThat(vars).hasValueSatisfying(v -> assertThat(v.keySet()).containsExactly("B", "A"));
        assertThat(ExecutorEnvironment.toJson(vars.orElseThrow())).isEqualTo("{\"B\":\"1\",\"A\":\"x y\"}");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', value = {
            "executor_environment_variables;{\"A\":1};every value must be a JSON string",
            "executor_environment_variables;{\"A\":{\"b\":\"c\"}};every value must be a JSON string",
            "executor_environment_variables;[\"A\"];must be a JSON object",
            "executor_environment_variables;{A:\"1\"};not JSON",
            "executor_environment_variables;{\"A\":\"1\",\"A\":\"2\"};not JSON",
            "executor_environment_variables;{\"A-B\":\"1\"};variable names must match",
            "image_providers;docker,docker;listed twice",
            "image_providers;oci;unknown image provider",
            "containerizers;mesos,rkt;unknown or unsupported containerizer",
            "containerizers;docker,docker;duplicates are an error",
            "work_dir;var/lib/mesos;absolute path",
            "work_dir;/tmp/mesos;must not be under /tmp",
            "work_dir;/tmp;must not be under /tmp",
            "work_dir;/var/lib/../tmp/x;normalised path",
            "work_dir;/var/lib/mesos:x;control characters"})
    void refusesBadValuesNamingTheRule(String flag, String value, String rule) {
        switch (flag) {
            case "executor_environment_variables" -> reader.executorEnvironmentVariables(flag, value);
            case "image_providers" -> reader.imageProviders(flag, value);
            case "containerizers" -> reader.containerizers(flag, value);
            case "work_dir" -> reader.workDir(flag, value);
            default -> throw new IllegalArgumentException(flag);
        }

        assertThat(reader.violations()).singleElement().satisfies(v -> {
            assertThat(v.flag()).isEqualTo(flag);
            assertThat(v.rule()).contains(rule);
        });
    }

    @Test
    void workDirMayEndInASlash() {
        assertThat(reader.workDir("work_dir", "/var/lib/mesos/")).contains("/var/lib/mesos");
        assertThat(reader.workDir("work_dir", "/tmpfs/mesos")).contains("/tmpfs/mesos");
        assertThat(reader.violations()).isEmpty();
    }

    @Test
    void collectsEveryViolation() {
        reader.isolation("isolation", "nope,docker/volume,docker/volume");
        reader.launcher("launcher", "LINUX");

        assertThat(reader.violations()).extracting(FlagViolation::flag)
                .isEqualTo(List.of("isolation", "isolation", "launcher"));
    }
}
