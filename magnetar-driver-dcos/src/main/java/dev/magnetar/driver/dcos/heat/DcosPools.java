package dev.magnetar.driver.dcos.heat;

import dev.magnetar.core.model.NodeGroup;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.magnetar.driver.kit.stack.StackParameters.base64;

/**
 * The node groups a user added, each a resource group of agents in the cluster's one stack, so one stack
 * update adds or removes a pool (docs/dcos-driver.md, "Node pools"). Everything a user chose for a pool
 * reaches Heat as a parameter of its own: counts and sizes as numbers, flavor and image as Heat checks them,
 * and the pool's agent flags file (with its Mesos attributes and isolators) as base64, as the cluster's is.
 * A pool's name enters the template only as the nodes' name prefix, and the service allows only letters,
 * digits, {@code _ . -} in it.
 */
public final class DcosPools {

    /** Roles a user may give a pool: private agents ({@code agent}, or Magnum's default {@code worker}) and public ones. */
    public static final String AGENT = "agent";
    public static final String PUBLIC_AGENT = "public_agent";

    private DcosPools() {
    }

    /** The stack's name for a pool: its resource group, the prefix of its parameters and of its output. */
    public static String id(NodeGroup group) {
        return "pool_" + group.uuid().replace("-", "").substring(0, 12);
    }

    public static boolean isPublic(NodeGroup group) {
        return PUBLIC_AGENT.equals(group.role());
    }

    /** The output that lists a pool's addresses. */
    public static String addressesOutput(NodeGroup group) {
        return id(group) + "_addresses";
    }

    /** The output that lists a pool's agents as {@code member=private=public}, to remove a chosen one. */
    public static String membersOutput(NodeGroup group) {
        return id(group) + "_members";
    }

    /** The cluster template with one resource group, its parameters and its outputs per pool. */
    static String template(String cluster, List<NodeGroup> groups) {
        if (groups.isEmpty()) {
            return cluster;
        }
        StringBuilder parameters = new StringBuilder();
        StringBuilder resources = new StringBuilder();
        StringBuilder outputs = new StringBuilder();
        for (NodeGroup group : groups) {
            String id = id(group);
            parameters.append("  ").append(id).append("_count: {type: number, constraints: [{range: {min: 0}}]}\n")
                    .append("  ").append(id).append("_to_remove: {type: comma_delimited_list, default: []}\n")
                    .append("  ").append(id).append("_flavor: {type: string, default: m1.medium}\n")
                    .append("  ").append(id).append("_image: {type: string}\n")
                    .append("  ").append(id).append("_docker_volume_size: {type: number, constraints: [{range: {min: 0}}]}\n")
                    .append("  ").append(id).append("_agent_flags: {type: string, description: base64 ")
                    .append("/var/lib/dcos/mesos-slave-common of the pool}\n");
            resources.append(resourceGroup(group)).append('\n');
            outputs.append("  ").append(addressesOutput(group)).append(": {value: {get_attr: [").append(id)
                    .append(", public_address]}}\n")
                    .append("  ").append(membersOutput(group)).append(": {value: {get_attr: [").append(id)
                    .append(", member]}}\n");
        }
        return insertBefore(insertBefore(cluster, "\nconditions:\n", parameters.toString()), "\noutputs:\n",
                resources.toString()) + outputs;
    }

    private static String resourceGroup(NodeGroup group) {
        String id = id(group);
        String securityGroups = isPublic(group)
                ? "[{get_resource: secgroup_cluster}, {get_resource: secgroup_agent}, {get_resource: secgroup_public_agent}]"
                : "[{get_resource: secgroup_cluster}, {get_resource: secgroup_agent}]";
        return "  " + id + ":\n"
                + "    type: OS::Heat::ResourceGroup\n"
                + "    depends_on: master_wait\n"
                + "    update_policy:\n"
                + "      rolling_update: {max_batch_size: {get_param: upgrade_batch_size}, pause_time: 0}\n"
                + "    properties:\n"
                + "      count: {get_param: " + id + "_count}\n"
                + "      removal_policies: [{resource_list: {get_param: " + id + "_to_remove}}]\n"
                + "      resource_def:\n"
                + "        type: Magnetar::DCOS::Node\n"
                + "        properties:\n"
                + "          role: " + (isPublic(group) ? "slave_public" : "slave") + "\n"
                + "          name: \"" + group.name() + "-%index%\"\n"
                + "          member: \"%index%\"\n"
                + "          image: {get_param: " + id + "_image}\n"
                + "          flavor: {get_param: " + id + "_flavor}\n"
                + "          key_name: {get_param: ssh_key_name}\n"
                + "          external_network: {get_param: external_network}\n"
                + "          network: {if: [create_network, {get_resource: private_network}, {get_param: fixed_network}]}\n"
                + "          subnet: {if: [create_network, {get_resource: private_subnet}, {get_param: fixed_subnet}]}\n"
                + "          security_groups: " + securityGroups + "\n"
                + "          floating_ip_enabled: {get_param: floating_ip_enabled}\n"
                + "          docker_volume_size: {get_param: " + id + "_docker_volume_size}\n"
                + "          timeout: {get_param: wait_condition_timeout}\n"
                + "          node_settings: {get_param: node_settings}\n"
                + "          agent_flags: {get_param: " + id + "_agent_flags}\n"
                + "          bootstrap_address: {get_attr: [bootstrap_port, fixed_ips, 0, ip_address]}\n"
                // a pool's agents upgrade with the cluster's, in batches, after the masters
                + "          upgrade_watcher: {get_param: upgrade_watcher}\n"
                + "          upgrade_release: {get_param: upgrade_release}\n"
                + "          upgrade_from: {get_param: upgrade_from}\n"
                + "          upgrade_slot: {get_param: upgrade_slot}\n";
    }

    /**
     * The pools' parameters.
     *
     * @param agentFlags a pool's agent flags file, rendered from its labels
     */
    static void parameters(Map<String, Object> p, List<NodeGroup> groups, String clusterImage, String clusterFlavor,
                           Function<NodeGroup, String> agentFlags) {
        for (NodeGroup group : groups) {
            String id = id(group);
            p.put(id + "_count", group.nodeCount());
            String flavor = group.flavorId() == null ? clusterFlavor : group.flavorId();
            if (flavor != null) {
                p.put(id + "_flavor", flavor);
            }
            p.put(id + "_image", group.imageId() == null ? clusterImage : group.imageId());
            p.put(id + "_docker_volume_size", group.dockerVolumeSize() == null ? 0 : group.dockerVolumeSize());
            p.put(id + "_agent_flags", base64(agentFlags.apply(group)));
        }
    }

    private static String insertBefore(String text, String marker, String inserted) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("the cluster template has no " + marker.strip() + " section");
        }
        return text.substring(0, at + 1) + inserted + text.substring(at + 1);
    }
}
