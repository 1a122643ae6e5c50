package dev.magnetar.driver.mesos.heat;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.kit.stack.HeatTemplates;
import dev.magnetar.driver.kit.stack.StackParameters;
import dev.magnetar.driver.mesos.node.NodeFiles;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.magnetar.driver.kit.stack.StackParameters.base64;

/**
 * Turns a rendered cluster into what Heat receives. Every file Magnetar rendered from user values
 * reaches a node as a base64 parameter, whose alphabet cannot break out of the quoted script word
 * it is placed in; Heat's {@code str_replace} otherwise only substitutes values Heat produced.
 */
public final class MesosStackRenderer {

    /** Nested templates and fragments, by the name the templates use. */
    public static final List<String> FILES = List.of("masterport.yaml", "master.yaml", "agent.yaml", "lb.yaml",
            HeatTemplates.SCRIPT_BASE, "fragments/master.sh", "fragments/agent.sh");
    /** Parameters that carry a rendered file (base64). */
    public static final List<String> FILE_PARAMETERS = List.of("node_settings", "master_flags", "marathon_flags",
            "agent_flags", "rexray_config");

    private static final HeatTemplates TEMPLATES = new HeatTemplates(NodeFiles.RESOURCES, "templates/",
            "mesoscluster.yaml", FILES).withSharedScriptBase();

    private MesosStackRenderer() {
    }

    /** The files each cluster's stack gets: the same for every cluster. */
    public static Map<String, String> files() {
        return TEMPLATES.files();
    }

    public static StackSpec spec(Map<String, Object> parameters) {
        return TEMPLATES.spec(parameters);
    }

    /** The stack with a resource group per added node pool, whose parameters {@code parameters} holds. */
    public static StackSpec spec(Map<String, Object> parameters, List<NodeGroup> pools) {
        StackSpec cluster = TEMPLATES.spec(parameters);
        return new StackSpec(MesosPools.template(cluster.template(), pools), cluster.files(), cluster.environment(),
                cluster.parameters());
    }

    /**
     * Adds the pools' parameters to a cluster's: a pool without its own flavor or image takes the cluster's
     * agents' ones.
     *
     * @param agentEnv a pool's agent environment file, rendered from its labels
     */
    public static void addPools(Map<String, Object> parameters, List<NodeGroup> pools,
                                Function<NodeGroup, String> agentEnv) {
        NodePoolStack.parameters(parameters, pools, (String) parameters.get("server_image"),
                (String) parameters.get("agent_flavor"), agentEnv);
    }

    /**
     * @param shape    the cluster's resolved shape (master load balancer, floating IPs, subnets)
     * @param rendered the per-cluster files, as text
     */
    public static Map<String, Object> parameters(ClusterTemplate template, Cluster cluster, Shape shape,
                                                 RenderedFiles rendered) {
        Map<String, Object> p = new LinkedHashMap<>();
        StackParameters.putServersAndNetworks(p, template, cluster);
        p.put("fixed_subnet_cidr", shape.fixedSubnetCidr());
        p.put("dns_nameserver", String.join(",", StackParameters.nameservers(template)));
        p.put("api_allowed_cidr", shape.apiAllowedCidr());
        p.put("number_of_masters", cluster.spec().masterCount());
        p.put("number_of_agents", cluster.spec().nodeCount());
        p.put("master_lb_enabled", shape.masterLb());
        p.put("floating_ip_enabled", shape.floatingIp());
        p.put("docker_volume_size", StackParameters.dockerVolumeSize(template, cluster));
        p.put("wait_condition_timeout", cluster.spec().createTimeout() * 60);
        p.put("node_settings", base64(rendered.nodeSettings()));
        p.put("master_flags", base64(rendered.masterEnv()));
        p.put("marathon_flags", base64(rendered.marathonEnv()));
        p.put("agent_flags", base64(rendered.agentEnv()));
        p.put("rexray_config", base64(rendered.rexrayConfig()));
        return p;
    }

    /** The resolved choices that shape the stack. */
    public record Shape(boolean masterLb, boolean floatingIp, String fixedSubnetCidr, String apiAllowedCidr) {
    }

    /** The per-cluster files a stack carries; {@code rexrayConfig} is empty without volume_driver rexray. */
    public record RenderedFiles(String nodeSettings, String masterEnv, String marathonEnv, String agentEnv,
                                String rexrayConfig) {
    }
}
