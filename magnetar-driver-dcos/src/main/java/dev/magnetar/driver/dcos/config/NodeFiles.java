package dev.magnetar.driver.dcos.config;

import dev.magnetar.driver.dcos.labels.DcosAgentFlags;
import dev.magnetar.mesos.agent.EnvironmentFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixed node files shipped with the driver, and the agent flags file rendered from labels. */
public final class NodeFiles {

    public static final String IP_DETECT = "ip-detect";
    public static final String IP_DETECT_PUBLIC = "ip-detect-public";
    public static final String AGENT_FLAGS = "mesos-slave-common";

    private NodeFiles() {
    }

    /** {@code /var/lib/dcos/mesos-slave-common}: only the variables the labels change. */
    public static String agentFlags(DcosAgentFlags flags) {
        return EnvironmentFile.render("Written by Magnetar from the cluster's agent-flag labels; DC/OS's agents read\n"
                + "this file after their own flags, so these values win.", flags.overrides());
    }

    public static String ipDetect() {
        return resource("templates/fragments/ip-detect");
    }

    public static String ipDetectPublic() {
        return resource("templates/fragments/ip-detect-public");
    }

    /** A file shipped under {@code dev/magnetar/driver/dcos/}. */
    public static String resource(String path) {
        try (InputStream in = NodeFiles.class.getResourceAsStream("/dev/magnetar/driver/dcos/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing driver resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
