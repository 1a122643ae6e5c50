package dev.magnetar.driver.dcos.heat;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.dcos.config.NodeFiles;
import dev.magnetar.driver.dcos.labels.PackageRepositories;
import dev.magnetar.driver.kit.stack.HeatTemplates;
import dev.magnetar.driver.kit.stack.StackParameters;
import dev.magnetar.mesos.agent.EnvironmentFile;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.magnetar.driver.kit.stack.StackParameters.base64;

/**
 * Turns a rendered cluster into what Heat receives. Every user-chosen value reaches a node inside
 * a base64 parameter (whose alphabet cannot break out of the quoted script word it is placed in);
 * the scripts decode files Magnetar rendered and escaped, so Heat's {@code str_replace} only ever
 * substitutes base64 text and values Heat itself produced.
 */
public final class DcosStackRenderer {

    /**
     * Nested templates and fragments, by the name the templates use. {@code fragments/prerequisites.sh}
     * is the node prerequisite list the image elements under {@code image/} read as well.
     */
    public static final List<String> FILES = List.of("node.yaml", "lb.yaml", HeatTemplates.SCRIPT_BASE,
            "fragments/prerequisites.sh", "fragments/local-universe.sh", "fragments/bootstrap.sh", "fragments/node.sh");
    public static final int BOOTSTRAP_PORT = 8086;

    private static final HeatTemplates TEMPLATES = new HeatTemplates(NodeFiles.RESOURCES, "templates/",
            "dcoscluster.yaml", FILES).withSharedScriptBase();

    private DcosStackRenderer() {
    }

    /** The files each cluster's stack gets: the same for every cluster. */
    public static Map<String, String> files() {
        return TEMPLATES.files();
    }

    public static StackSpec spec(Map<String, Object> parameters) {
        return TEMPLATES.spec(parameters);
    }

    /** The stack with a resource group per added node group, whose parameters {@code parameters} holds. */
    public static StackSpec spec(Map<String, Object> parameters, List<NodeGroup> pools) {
        StackSpec cluster = TEMPLATES.spec(parameters);
        return new StackSpec(DcosPools.template(cluster.template(), pools), cluster.files(), cluster.environment(),
                cluster.parameters());
    }

    /**
     * Adds the pools' parameters to a cluster's.
     *
     * @param agentFlags a pool's agent flags file, rendered from its labels
     */
    public static void addPools(Map<String, Object> parameters, ClusterTemplate template, List<NodeGroup> pools,
                                java.util.function.Function<NodeGroup, String> agentFlags) {
        NodePoolStack.parameters(parameters, pools, template.imageId(), (String) parameters.get("agent_flavor"), agentFlags);
    }

    /**
     * @param rendered the per-cluster files: config.yaml (without stack-time keys), the agent flags
     *                 file, the node settings file
     */
    public static Map<String, Object> parameters(ClusterTemplate template, Cluster cluster, boolean masterLb,
                                                 boolean floatingIp, int publicAgents, String fixedSubnetCidr,
                                                 RenderedFiles rendered) {
        Map<String, Object> p = new LinkedHashMap<>();
        StackParameters.putServersAndNetworks(p, template, cluster);
        p.put("fixed_subnet_cidr", fixedSubnetCidr);
        p.put("dns_nameserver", String.join(",", StackParameters.nameservers(template)));
        p.put("number_of_masters", cluster.spec().masterCount());
        p.put("number_of_agents", cluster.spec().nodeCount());
        p.put("number_of_public_agents", publicAgents);
        p.put("master_lb_enabled", masterLb);
        p.put("floating_ip_enabled", floatingIp);
        p.put("docker_volume_size", StackParameters.dockerVolumeSize(template, cluster));
        p.put("wait_condition_timeout", cluster.spec().createTimeout() * 60);
        p.put("node_settings", base64(rendered.nodeSettings()));
        p.put("dcos_config", base64(rendered.configYaml()));
        p.put("agent_flags", base64(rendered.agentFlags()));
        p.put("ip_detect", base64(NodeFiles.ipDetect()));
        p.put("ip_detect_public", base64(NodeFiles.ipDetectPublic()));
        p.put("upgrade_watcher", base64(NodeFiles.upgradeWatcher()));
        return p;
    }

    /** The environment file the node scripts source (values single-quoted by {@link EnvironmentFile}). */
    public static String nodeSettings(String installerUrl, boolean masterLb, int createTimeoutMinutes,
                                      String dockerRepoUrl, String dockerPackage) {
        return nodeSettings(installerUrl, masterLb, createTimeoutMinutes, dockerRepoUrl, dockerPackage, null);
    }

    /**
     * @param localUniverse the local Universe's repository file and artefacts, or null: its keys are
     *                      written only for a cluster that has one
     */
    public static String nodeSettings(String installerUrl, boolean masterLb, int createTimeoutMinutes,
                                      String dockerRepoUrl, String dockerPackage, LocalUniverse localUniverse) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DCOS_INSTALLER_URL", installerUrl);
        settings.put("BOOTSTRAP_PORT", Integer.toString(BOOTSTRAP_PORT));
        settings.put("MASTER_DISCOVERY", masterLb ? "master_http_loadbalancer" : "static");
        settings.put("DOCKER_REPO_URL", dockerRepoUrl);
        settings.put("DOCKER_PACKAGE", dockerPackage);
        // Post-start checks are polled every 20 seconds for at most the create timeout.
        settings.put("HEALTH_CHECK_ATTEMPTS", Integer.toString(Math.max(1, createTimeoutMinutes * 3)));
        if (localUniverse != null) {
            settings.put("LOCAL_UNIVERSE_NAME", PackageRepositories.LOCAL_UNIVERSE_NAME);
            settings.put("LOCAL_UNIVERSE_REPOSITORY", localUniverse.repository());
            settings.put("LOCAL_UNIVERSE_ARTIFACTS", localUniverse.artifacts() == null ? "" : localUniverse.artifacts());
        }
        return EnvironmentFile.render("Written by Magnetar for the DC/OS node scripts.", settings);
    }

    /** Where the bootstrap server takes the local Universe from: URLs or paths on the image. */
    public record LocalUniverse(String repository, String artifacts) {
    }

    /** The per-cluster files a stack carries. */
    public record RenderedFiles(String configYaml, String agentFlags, String nodeSettings) {
    }
}
