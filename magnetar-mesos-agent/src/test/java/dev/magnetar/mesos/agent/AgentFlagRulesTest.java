package dev.magnetar.mesos.agent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AgentFlagRulesTest {

    private final AgentFlagRules rules = new AgentFlagRules(IsolatorCatalog.MESOS_1_11);

    private static final AgentFlags LINUX_AGENT = AgentFlags.MESOS_1_11_DEFAULTS
            .withWorkDir("/var/lib/mesos/slave")
            .withIsolation(List.of("filesystem/linux", "docker/runtime", "cgroups/all", "namespaces/pid"))
            .withImageProviders(List.of(ImageProvider.DOCKER));

    @Test
    void aConsistentLinuxAgentPasses() {
        assertThat(rules.check(LINUX_AGENT)).isEmpty();
    }

    @Test
    void mesosDefaultsNeedOnlyAWorkDir() {
        assertThat(rules.check(AgentFlags.MESOS_1_11_DEFAULTS)).extracting(FlagViolation::flag)
                .containsExactly("work_dir");
    }

    static Stream<Arguments> brokenAgents() {
        return Stream.of(
                arguments("posix launcher with cgroups, namespaces and filesystem/linux",
                        LINUX_AGENT.withLauncher(Launcher.POSIX).withImageProviders(List.of()),
                        "launcher", "posix", "the isolators filesystem/linux, cgroups/all, namespaces/pid need the linux launcher"),
                arguments("docker images without docker/runtime",
                        LINUX_AGENT.withIsolation(List.of("filesystem/linux")),
                        "image_providers", "docker", "needs the docker/runtime isolator"),
                arguments("images without filesystem/linux",
                        AgentFlags.MESOS_1_11_DEFAULTS.withWorkDir("/w").withImageProviders(List.of(ImageProvider.APPC)),
                        "image_providers", "appc", "need the filesystem/linux isolator"),
                arguments("images under the posix launcher",
                        AgentFlags.MESOS_1_11_DEFAULTS.withWorkDir("/w").withLauncher(Launcher.POSIX)
                                .withImageProviders(List.of(ImageProvider.APPC)),
                        "image_providers", "appc", "need the linux launcher"),
                arguments("two filesystem isolators",
                        LINUX_AGENT.withIsolation(List.of("filesystem/linux", "docker/runtime", "filesystem/posix")),
                        "isolation", "filesystem/linux,filesystem/posix", "exactly one filesystem/* isolator"),
                arguments("two network isolators",
                        LINUX_AGENT.withIsolation(List.of("filesystem/linux", "docker/runtime", "network/cni",
                                "network/port_mapping")),
                        "isolation", "network/cni,network/port_mapping", "at most one network isolator"),
                arguments("volume/csi without filesystem/linux",
                        AgentFlags.MESOS_1_11_DEFAULTS.withWorkDir("/w").withIsolation(List.of("volume/csi")),
                        "isolation", "volume/csi", "needs the filesystem/linux isolator"),
                arguments("gpu/nvidia without device cgroups",
                        LINUX_AGENT.withIsolation(List.of("filesystem/linux", "docker/runtime", "gpu/nvidia")),
                        "isolation", "gpu/nvidia", "needs the cgroups/devices or cgroups/all isolator"),
                arguments("a Windows isolator",
                        LINUX_AGENT.withIsolation(List.of("filesystem/linux", "docker/runtime", "windows/cpu")),
                        "isolation", "windows/cpu", "Windows-only"),
                arguments("no containerizer",
                        LINUX_AGENT.withContainerizers(List.of()), "containerizers", "", "at least one containerizer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAgents")
    void refusesWhatStopsTheAgentFromStarting(String name, AgentFlags flags, String flag, String value, String rule) {
        assertThat(rules.check(flags)).anySatisfy(v -> {
            assertThat(v.flag()).isEqualTo(flag);
            assertThat(v.value()).isEqualTo(value);
            assertThat(v.rule()).contains(rule);
        });
    }

    @Test
    void networkPortsDoesNotCountAsASecondNetworkIsolator() {
        assertThat(rules.check(LINUX_AGENT.withIsolation(List.of("filesystem/linux", "docker/runtime", "network/cni",
                "network/ports")))).isEmpty();
    }
}
