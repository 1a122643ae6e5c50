package dev.magnetar.driver.dcos.heat;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.dcos.config.NodeFiles;
import dev.magnetar.mesos.agent.EnvironmentFile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a rendered cluster into what Heat receives. Every user-chosen value reaches a node inside
 * a base64 parameter (whose alphabet cannot break out of the quoted script word it is placed in);
 * the scripts decode files Magnetar rendered and escaped, so Heat's {@code str_replace} only ever
 * substitutes base64 text and values Heat itself produced.
 */
public final class DcosStackRenderer {

    public static final String TEMPLATE = "templates/dcoscluster.yaml";
    /**
     * Nested templates and fragments, by the name the templates use. {@code fragments/prerequisites.sh}
     * is the node prerequisite list the image elements under {@code image/} read as well.
     */
    public static final List<String> FILES = List.of("node.yaml", "lb.yaml", "fragments/common.sh",
            "fragments/prerequisites.sh", "fragments/bootstrap.sh", "fragments/node.sh");
    public static final int BOOTSTRAP_PORT = 8086;

    private DcosStackRenderer() {
    }

    /** The files each cluster's stack gets: the same for every cluster. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        FILES.forEach(name -> files.put(name, NodeFiles.resource("templates/" + name)));
        return files;
    }

    public static StackSpec spec(Map<String, Object> parameters) {
        return new StackSpec(NodeFiles.resource(TEMPLATE), files(), NodeFiles.resource("templates/environment.yaml"),
                parameters);
    }

    /**
     * @param rendered the per-cluster files: config.yaml (without stack-time keys), the agent flags
     *                 file, the node settings file
     */
    public static Map<String, Object> parameters(ClusterTemplate template, Cluster cluster, boolean masterLb,
                                                 boolean floatingIp, int publicAgents, String fixedSubnetCidr,
                                                 RenderedFiles rendered) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server_image", template.imageId());
        p.put("master_flavor", firstSet(cluster.masterFlavorId(), template.masterFlavorId(), template.flavorId()));
        p.put("agent_flavor", firstSet(cluster.flavorId(), template.flavorId()));
        p.put("ssh_key_name", firstSet(cluster.keypair(), template.keypairId()));
        p.put("external_network", template.externalNetworkId());
        p.put("fixed_network", firstSet(cluster.fixedNetwork(), template.fixedNetwork(), ""));
        p.put("fixed_subnet", firstSet(cluster.fixedSubnet(), template.fixedSubnet(), ""));
        p.put("fixed_subnet_cidr", fixedSubnetCidr);
        p.put("dns_nameserver", String.join(",", dev.magnetar.driver.dcos.config.DcosConfig.nameservers(template)));
        p.put("number_of_masters", cluster.masterCount());
        p.put("number_of_agents", cluster.nodeCount());
        p.put("number_of_public_agents", publicAgents);
        p.put("master_lb_enabled", masterLb);
        p.put("floating_ip_enabled", floatingIp);
        Integer volume = cluster.dockerVolumeSize() != null ? cluster.dockerVolumeSize() : template.dockerVolumeSize();
        p.put("docker_volume_size", volume == null ? 0 : volume);
        p.put("wait_condition_timeout", cluster.createTimeout() * 60);
        p.put("node_settings", base64(rendered.nodeSettings()));
        p.put("dcos_config", base64(rendered.configYaml()));
        p.put("agent_flags", base64(rendered.agentFlags()));
        p.put("ip_detect", base64(NodeFiles.ipDetect()));
        p.put("ip_detect_public", base64(NodeFiles.ipDetectPublic()));
        return p;
    }

    /** The environment file the node scripts source (values single-quoted by {@link EnvironmentFile}). */
    public static String nodeSettings(String installerUrl, boolean masterLb, int createTimeoutMinutes,
                                      String dockerRepoUrl, String dockerPackage) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DCOS_INSTALLER_URL", installerUrl);
        settings.put("BOOTSTRAP_PORT", Integer.toString(BOOTSTRAP_PORT));
        settings.put("MASTER_DISCOVERY", masterLb ? "master_http_loadbalancer" : "static");
        settings.put("DOCKER_REPO_URL", dockerRepoUrl);
        settings.put("DOCKER_PACKAGE", dockerPackage);
        // Post-start checks are polled every 20 seconds for at most the create timeout.
        settings.put("HEALTH_CHECK_ATTEMPTS", Integer.toString(Math.max(1, createTimeoutMinutes * 3)));
        return EnvironmentFile.render("Written by Magnetar for the DC/OS node scripts.", settings);
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return values[values.length - 1];
    }

    /** The per-cluster files a stack carries. */
    public record RenderedFiles(String configYaml, String agentFlags, String nodeSettings) {
    }
}
