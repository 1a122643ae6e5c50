package dev.magnetar.mesos.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IsolatorCatalogTest {

    private final IsolatorCatalog catalog = IsolatorCatalog.MESOS_1_11;

    @Test
    void holdsMesos111sBuiltInTable() {
        assertThat(catalog.names()).hasSize(41)
                .contains("filesystem/linux", "docker/volume", "docker/runtime", "volume/csi", "linux/seccomp",
                        "cgroups/all", "network/cni", "environment_secret")
                .doesNotContain("process", "cgroups", "posix/disk");
    }

    @ParameterizedTest(name = "{0} is rewritten to {1}")
    @CsvSource(delimiter = ';', value = {
            "process;posix/cpu,posix/mem",
            "cgroups;cgroups/cpu,cgroups/mem",
            "posix/disk;disk/du"})
    void rewritesDeprecatedAliases(String alias, String current) {
        IsolatorCatalog.IsolationList list = catalog.parse("isolation", alias);

        assertThat(list.violations()).isEmpty();
        assertThat(String.join(",", list.isolators())).isEqualTo(current);
        assertThat(list.rewritten()).isEqualTo(Map.of(alias, current));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "cgroups/everything;cgroups/everything;unknown or unsupported isolator",
            "docker/volume,docker/volume;docker/volume;listed twice",
            "process,posix/cpu;posix/cpu;listed twice",
            "filesystem/linux,,docker/runtime;filesystem/linux,,docker/runtime;empty isolator name",
            "Docker/Volume;Docker/Volume;unknown or unsupported isolator"})
    void refusesWhatMesosRefuses(String value, String offending, String rule) {
        IsolatorCatalog.IsolationList list = catalog.parse("isolation", value);

        assertThat(list.violations()).singleElement().satisfies(v -> {
            assertThat(v.flag()).isEqualTo("isolation");
            assertThat(v.value()).isEqualTo(offending);
            assertThat(v.rule()).contains(rule);
        });
    }

    @Test
    void unknownNameMessageListsWhatIsAllowed() {
        FlagViolation violation = catalog.parse("mesos_slave_isolation", "posix/gpu").violations().getFirst();

        assertThat(violation.message()).startsWith("flag 'mesos_slave_isolation' value 'posix/gpu': ")
                .contains("filesystem/linux", "docker/runtime", "deprecated aliases cgroups, posix/disk, process");
    }

    @Test
    void moduleIsolatorsAreAcceptedOnlyWhenLoaded() {
        String module = "com_mesosphere_dcos_MetricsIsolatorModule";

        assertThat(catalog.parse("isolation", module).violations()).hasSize(1);
        assertThat(catalog.withModules(List.of(module)).parse("isolation", module).violations()).isEmpty();
    }

    @Test
    void requirementsFollowTheIsolatorsCreateChecks() {
        assertThat(catalog.get("namespaces/pid").requires())
                .containsExactlyInAnyOrder(Isolator.Requirement.LINUX_LAUNCHER, Isolator.Requirement.FILESYSTEM_LINUX);
        assertThat(catalog.get("volume/csi").requires()).containsExactly(Isolator.Requirement.FILESYSTEM_LINUX);
        assertThat(catalog.get("gpu/nvidia").requires())
                .containsExactlyInAnyOrder(Isolator.Requirement.CGROUPS_DEVICES, Isolator.Requirement.FILESYSTEM_LINUX);
        assertThat(catalog.get("docker/volume").requires()).isEmpty();
        assertThat(catalog.get("network/ports").family()).isEqualTo(Isolator.Family.NETWORK_PORTS);
    }
}
