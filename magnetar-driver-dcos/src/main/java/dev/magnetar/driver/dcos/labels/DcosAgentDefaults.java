package dev.magnetar.driver.dcos.labels;

import dev.magnetar.mesos.agent.AgentFlags;
import dev.magnetar.mesos.agent.Containerizer;
import dev.magnetar.mesos.agent.ImageProvider;
import dev.magnetar.mesos.agent.IsolatorCatalog;
import dev.magnetar.mesos.agent.Launcher;

import java.util.List;
import java.util.Map;

/**
 * What DC/OS 2.2 itself sets on every agent ({@code gen/dcos-config.yaml}, the
 * {@code mesos-slave-common} block): the base the user's agent-flag labels are added to, and so
 * the configuration the cross-flag rules must judge.
 */
public final class DcosAgentDefaults {

    public static final String METRICS_MODULE = "com_mesosphere_dcos_MetricsIsolatorModule";

    /** Mesos 1.11's isolators plus the module DC/OS loads. */
    public static final IsolatorCatalog CATALOG = IsolatorCatalog.MESOS_1_11.withModules(List.of(METRICS_MODULE));

    /** DC/OS 2.2's calculated {@code mesos_isolation} with GPU isolation on (its default). */
    public static final List<String> ISOLATION = List.of("cgroups/all", "disk/du", "network/cni", "filesystem/linux",
            "docker/runtime", "docker/volume", "volume/sandbox_path", "volume/secret", "volume/csi", "posix/rlimits",
            "namespaces/pid", "namespaces/ipc", "linux/capabilities", METRICS_MODULE, "gpu/nvidia");

    public static final AgentFlags FLAGS = new AgentFlags(List.of(Containerizer.MESOS, Containerizer.DOCKER),
            ISOLATION, Launcher.LINUX, List.of(ImageProvider.DOCKER), Map.of(), "/var/lib/mesos/slave");

    private DcosAgentDefaults() {
    }
}
