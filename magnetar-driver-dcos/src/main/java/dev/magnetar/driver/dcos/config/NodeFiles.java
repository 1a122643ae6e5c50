package dev.magnetar.driver.dcos.config;

import dev.magnetar.driver.dcos.labels.DcosAgentFlags;
import dev.magnetar.driver.kit.stack.DriverResources;
import dev.magnetar.mesos.agent.EnvironmentFile;

/** The fixed node files shipped with the driver, and the agent flags file rendered from labels. */
public final class NodeFiles {

    public static final String IP_DETECT = "ip-detect";
    public static final String IP_DETECT_PUBLIC = "ip-detect-public";
    public static final String AGENT_FLAGS = "mesos-slave-common";

    /** The files shipped under {@code dev/magnetar/driver/dcos/}: templates and fragments. */
    public static final DriverResources RESOURCES = new DriverResources(NodeFiles.class, "/dev/magnetar/driver/dcos/");

    private NodeFiles() {
    }

    /** {@code /var/lib/dcos/mesos-slave-common}: only the variables the labels change. */
    public static String agentFlags(DcosAgentFlags flags) {
        return EnvironmentFile.render("Written by Magnetar from the cluster's agent-flag labels; DC/OS's agents read\n"
                + "this file after their own flags, so these values win.", flags.overrides());
    }

    public static String ipDetect() {
        return RESOURCES.read("templates/fragments/ip-detect");
    }

    /** The upgrade watcher every node installs (docs/dcos-driver.md#upgrading-dcos). */
    public static String upgradeWatcher() {
        return RESOURCES.read("templates/fragments/upgrade-watch.sh");
    }

    public static String ipDetectPublic() {
        return RESOURCES.read("templates/fragments/ip-detect-public");
    }
}
