package dev.magnetar.driver.mesos.heat;

import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.util.List;

import static dev.magnetar.driver.kit.stack.NodePoolStack.id;

/**
 * The node pools a user added, each a resource group of Mesos agents in the cluster's one stack, so one stack
 * update adds or removes a pool (docs/mesos-driver.md, "Node pools"). Everything a user chose for a pool reaches
 * Heat as a parameter of its own: counts and sizes as numbers, flavor and image as Heat checks them, and the
 * pool's agent environment file (with its Mesos attributes and isolators, every value single-quoted) as base64,
 * as the cluster's is. A pool's name enters the template only as its servers' name prefix, and the driver
 * allows only letters, digits, {@code _ . -} in it.
 */
public final class MesosPools {

    /** The role a user gives a pool ({@code agent}, or {@code worker}, Magnum's clients' default). */
    public static final String AGENT = "agent";

    private MesosPools() {
    }

    /** The cluster template with one resource group, its parameters and its outputs per pool. */
    static String template(String cluster, List<NodeGroup> groups) {
        return NodePoolStack.template(cluster, groups, null, "Mesos agent environment file of the pool", MesosPools::resourceGroup);
    }

    private static String resourceGroup(NodeGroup group) {
        String id = id(group);
        if (!NodePoolStack.NAME.matcher(group.name()).matches()) {
            throw new IllegalStateException("node group name '" + group.name() + "' reached the stack unchecked");
        }
        return "  " + id + ":\n"
                + "    type: OS::Heat::ResourceGroup\n"
                + "    depends_on: master_wait\n"
                + "    properties:\n"
                + "      count: {get_param: " + id + "_count}\n"
                + "      removal_policies: [{resource_list: {get_param: " + id + "_to_remove}}]\n"
                + "      resource_def:\n"
                + "        type: Magnetar::Mesos::Agent\n"
                + "        properties:\n"
                + "          name: \"" + group.name() + "-%index%\"\n"
                + "          member: \"%index%\"\n"
                + "          image: {get_param: " + id + "_image}\n"
                + "          flavor: {get_param: " + id + "_flavor}\n"
                + "          key_name: {get_param: ssh_key_name}\n"
                + "          external_network: {get_param: external_network}\n"
                + "          network: {if: [create_network, {get_resource: private_network}, {get_param: fixed_network}]}\n"
                + "          subnet: {if: [create_network, {get_resource: private_subnet}, {get_param: fixed_subnet}]}\n"
                + "          security_groups: [{get_resource: secgroup_cluster}, {get_resource: secgroup_agent_tasks}]\n"
                + "          floating_ip_enabled: {get_param: floating_ip_enabled}\n"
                + "          docker_volume_size: {get_param: " + id + "_docker_volume_size}\n"
                + "          timeout: {get_param: wait_condition_timeout}\n"
                + "          node_settings: {get_param: node_settings}\n"
                + "          agent_flags: {get_param: " + id + "_agent_flags}\n"
                + "          rexray_config: {get_param: rexray_config}\n"
                + "          master_addresses: {list_join: [\",\", {get_attr: [master_ports, address]}]}\n";
    }

}
