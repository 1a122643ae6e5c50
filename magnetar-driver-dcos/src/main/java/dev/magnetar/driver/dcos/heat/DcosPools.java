package dev.magnetar.driver.dcos.heat;

import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.List;

import static dev.magnetar.driver.kit.stack.NodePoolStack.id;

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

    public static boolean isPublic(NodeGroup group) {
        return PUBLIC_AGENT.equals(group.role());
    }

    /** The cluster template with one resource group, its parameters and its outputs per pool. */
    static String template(String cluster, List<NodeGroup> groups) {
        return NodePoolStack.template(cluster, groups, "m1.medium", "/var/lib/dcos/mesos-slave-common of the pool", DcosPools::resourceGroup);
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

}
