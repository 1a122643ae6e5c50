package dev.magnetar.driver.mesos.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.kit.stack.DriverResources;
import dev.magnetar.driver.mesos.labels.MesosLabelSchema;
import dev.magnetar.mesos.agent.EnvironmentFile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files each node receives, rendered from the labels: environment files whose every value is
 * single-quoted by {@link EnvironmentFile} (read by the node scripts and by systemd's
 * {@code EnvironmentFile=}), and REX-Ray's YAML written as a tree by a YAML writer. Addresses Heat
 * assigns (the ZooKeeper ensemble, the node's own IP) are appended on the node by the scripts
 * after checking each is an IPv4 address; the headers say so, so a preview is not mistaken for all.
 */
public final class NodeFiles {

    public static final String AGENT_ENV = "mesos-agent.env";
    public static final String MASTER_ENV = "mesos-master.env";
    public static final String MARATHON_ENV = "marathon.env";
    public static final String NODE_SETTINGS = "node-settings";
    public static final String REXRAY_CONFIG = "rexray-config.yml";

    /** The files shipped under {@code dev/magnetar/driver/mesos/}: templates and fragments. */
    public static final DriverResources RESOURCES = new DriverResources(NodeFiles.class, "/dev/magnetar/driver/mesos/");

    public static final int MESOS_MASTER_PORT = 5050;
    public static final int MESOS_AGENT_PORT = 5051;
    public static final int MARATHON_PORT = 8080;
    public static final String DEFAULT_MARATHON_FRAMEWORK_NAME = "marathon";
    public static final String DEFAULT_TASK_LAUNCH_TIMEOUT = "300000";
    public static final String DEFAULT_ZK_SESSION_TIMEOUT = "10secs";

    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private NodeFiles() {
    }

    public static String agentEnv(MesosAgentFlags flags) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MESOS_PORT", Integer.toString(MESOS_AGENT_PORT));
        env.putAll(flags.environment());
        return EnvironmentFile.render("Mesos agent flags, written by Magnetar from the cluster's labels.\n"
                + "The node script appends MESOS_MASTER (zk:// of the masters), MESOS_IP and MESOS_HOSTNAME.", env);
    }

    /** Mesos' quorum for a replicated log of {@code masters} replicas (a majority). */
    public static int quorum(int masters) {
        return masters / 2 + 1;
    }

    public static String masterEnv(String clusterName, int masters, Labels labels) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MESOS_PORT", Integer.toString(MESOS_MASTER_PORT));
        env.put("MESOS_CLUSTER", clusterName);
        env.put("MESOS_QUORUM", Integer.toString(quorum(masters)));
        env.put("MESOS_WORK_DIR", "/var/lib/mesos/master");
        env.put("MESOS_ZK_SESSION_TIMEOUT", labels.givenOr(MesosLabelSchema.ZK_SESSION_TIMEOUT, DEFAULT_ZK_SESSION_TIMEOUT));
        return EnvironmentFile.render("Mesos master flags, written by Magnetar.\n"
                + "The node script appends MESOS_ZK (zk:// of the masters), MESOS_IP and MESOS_HOSTNAME.", env);
    }

    public static String marathonEnv(Labels labels) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MARATHON_HTTP_PORT", Integer.toString(MARATHON_PORT));
        env.put("MARATHON_FRAMEWORK_NAME", labels.givenOr(MesosLabelSchema.MARATHON_FRAMEWORK_NAME,
                DEFAULT_MARATHON_FRAMEWORK_NAME));
        env.put("MARATHON_TASK_LAUNCH_TIMEOUT", labels.givenOr(MesosLabelSchema.MARATHON_TASK_LAUNCH_TIMEOUT,
                DEFAULT_TASK_LAUNCH_TIMEOUT));
        labels.given(MesosLabelSchema.MARATHON_MESOS_ROLE).ifPresent(role -> env.put("MARATHON_MESOS_ROLE", role));
        return EnvironmentFile.render("Marathon flags, written by Magnetar from the cluster's labels.\n"
                + "The node script appends MARATHON_MASTER, MARATHON_ZK and MARATHON_HOSTNAME.", env);
    }

    /**
     * What the node scripts need to install and wait: the package source, proxies, whether REX-Ray
     * is wanted, and how many times to poll for health (every 10 seconds within the create timeout).
     */
    public static String nodeSettings(InstallSource source, Proxies proxies, boolean rexray, int createTimeoutMinutes) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MESOS_REPO_URL", source.repoUrl());
        env.put("MESOS_REPO_SUITE", source.suite());
        env.put("MESOS_REPO_KEY_URL", source.keyUrl());
        env.put("PROXY_HTTP", proxies.http());
        env.put("PROXY_HTTPS", proxies.https());
        env.put("PROXY_EXCEPTIONS", proxies.none());
        env.put("REXRAY_ENABLED", Boolean.toString(rexray));
        env.put("HEALTH_CHECK_ATTEMPTS", Integer.toString(Math.max(1, createTimeoutMinutes * 6)));
        return EnvironmentFile.render("Written by Magnetar for the Mesos node scripts.", env);
    }

    /**
     * REX-Ray 0.11's configuration for Cinder, with the cluster's own credential.
     *
     * @param maskSecret true for previews: the credential's secret is shown as {@code ***}
     */
    public static String rexrayConfig(boolean preempt, DeploymentContext context, boolean maskSecret) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.putObject("rexray").put("loglevel", "info");
        ObjectNode libstorage = root.putObject("libstorage");
        libstorage.put("service", "cinder");
        libstorage.putObject("integration").putObject("volume").putObject("operations").putObject("mount")
                .put("preempt", preempt);
        ObjectNode cinder = root.putObject("cinder");
        cinder.put("authURL", context.authUrl());
        cinder.put("regionName", context.regionName());
        StackCredential credential = context.nodeCredential();
        if (credential.id() != null) {
            cinder.put("userID", credential.id());
            cinder.put("password", maskSecret ? "***" : credential.secret());
            if (credential.projectId() != null) {
                cinder.put("tenantID", credential.projectId());
            }
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the Mesos and Marathon packages come from.
     *
     * @param repoUrl an APT repository URL, or empty when the image already has the packages
     * @param keyUrl  the repository's signing key URL, or empty to trust the image's keys
     */
    public record InstallSource(String repoUrl, String suite, String keyUrl) {
    }

    /** The template's proxies, empty strings where unset. */
    public record Proxies(String http, String https, String none) {
        public static Proxies of(String http, String https, String none) {
            return new Proxies(http == null ? "" : http, https == null ? "" : https, none == null ? "" : none);
        }
    }
}
