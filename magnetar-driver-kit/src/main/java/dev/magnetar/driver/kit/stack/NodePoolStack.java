package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.Stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static dev.magnetar.driver.kit.stack.StackParameters.base64;

/**
 * What every driver's node pools share in the cluster's one stack (docs/design/0008-node-groups-in-the-cluster-spec.md):
 * each pool a user added is a resource group named after its uuid, with parameters of its own (count, the members
 * to remove, flavor, image, Docker volume size, and its agent flags file as base64, so no value a user chose
 * reaches the template's text) and two outputs, its addresses and its members as {@code member=private=public}.
 * One stack update therefore adds, resizes or removes a pool. The resource group itself, which differs by COE,
 * comes from the driver.
 */
public final class NodePoolStack {

    /** The names a pool may have: they become its servers' name prefix in the template, inside double quotes. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,62}");

    private NodePoolStack() {
    }

    /**
     * What is wrong with a pool's shape before its labels are judged: a name the template cannot carry, and
     * labels that differ from the cluster's although they are one for the whole cluster.
     *
     * @param perPoolLabels the labels a pool may set for its agents, in the order the refusal lists them
     * @param perPool       whether a label (in any spelling the driver accepts) is one of them
     */
    public static List<String> shapeViolations(Map<String, String> clusterLabels, NodeGroup group,
                                               List<String> perPoolLabels, Predicate<String> perPool) {
        List<String> violations = new ArrayList<>();
        if (!NAME.matcher(group.name()).matches()) {
            violations.add("node group name '" + group.name() + "' is not allowed: letters, digits, '_', '.' and '-', "
                    + "starting with a letter, at most 63");
        }
        TreeSet<String> clusterWide = new TreeSet<>();
        group.labels().forEach((k, v) -> {
            if (!v.equals(clusterLabels.get(k)) && !perPool.test(k)) {
                clusterWide.add(k);
            }
        });
        clusterLabels.keySet().stream().filter(k -> !group.labels().containsKey(k) && !perPool.test(k))
                .forEach(clusterWide::add);
        if (!clusterWide.isEmpty()) {
            violations.add("label(s) " + String.join(", ", clusterWide) + " of node group " + group.name()
                    + " must be the cluster's: a node group sets only its agents' own labels ("
                    + String.join(", ", perPoolLabels) + ")");
        }
        return violations;
    }

    /** The stack's name for a pool: its resource group, the prefix of its parameters and of its outputs. */
    public static String id(NodeGroup group) {
        return "pool_" + group.uuid().replace("-", "").substring(0, 12);
    }

    /** The output that lists a pool's addresses. */
    public static String addressesOutput(NodeGroup group) {
        return id(group) + "_addresses";
    }

    /** The output that lists a pool's agents as {@code member=private=public}, to remove a chosen one. */
    public static String membersOutput(NodeGroup group) {
        return id(group) + "_members";
    }

    /**
     * The cluster's template with, per pool, its parameters (before {@code conditions:}), its resource group
     * (before {@code outputs:}) and its outputs (at the end).
     *
     * @param flavorDefault         the pools' flavor parameter's default, or null for none
     * @param agentFlagsDescription what the agent flags file is, for the parameter's description
     * @param resourceGroup         a pool's resource group, in HOT, indented as a resource
     */
    public static String template(String cluster, List<NodeGroup> groups, String flavorDefault,
                                  String agentFlagsDescription, Function<NodeGroup, String> resourceGroup) {
        if (groups.isEmpty()) {
            return cluster;
        }
        String flavor = flavorDefault == null ? "{type: string}" : "{type: string, default: " + flavorDefault + "}";
        StringBuilder parameters = new StringBuilder();
        StringBuilder resources = new StringBuilder();
        StringBuilder outputs = new StringBuilder();
        for (NodeGroup group : groups) {
            String id = id(group);
            parameters.append("  ").append(id).append("_count: {type: number, constraints: [{range: {min: 0}}]}\n")
                    .append("  ").append(id).append("_to_remove: {type: comma_delimited_list, default: []}\n")
                    .append("  ").append(id).append("_flavor: ").append(flavor).append('\n')
                    .append("  ").append(id).append("_image: {type: string}\n")
                    .append("  ").append(id).append("_docker_volume_size: {type: number, constraints: [{range: {min: 0}}]}\n")
                    .append("  ").append(id).append("_agent_flags: {type: string, description: base64 ")
                    .append(agentFlagsDescription).append("}\n");
            resources.append(resourceGroup.apply(group)).append('\n');
            outputs.append("  ").append(addressesOutput(group)).append(": {value: {get_attr: [").append(id)
                    .append(", public_address]}}\n")
                    .append("  ").append(membersOutput(group)).append(": {value: {get_attr: [").append(id)
                    .append(", member]}}\n");
        }
        return insertBefore(insertBefore(cluster, "\nconditions:\n", parameters.toString()), "\noutputs:\n",
                resources.toString()) + outputs;
    }

    /**
     * The pools' parameters; a pool without its own flavor or image gets the cluster's.
     *
     * @param agentFlags a pool's agent flags file, rendered from its labels
     */
    public static void parameters(Map<String, Object> p, List<NodeGroup> groups, String clusterImage,
                                  String clusterFlavor, Function<NodeGroup, String> agentFlags) {
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

    /**
     * The parameters that resize a pool to its node count, removing the chosen agents (by address or member
     * name, refused when one is not the pool's) first; as for the default agents ({@link AgentScaling}), the
     * removal list is sent only when agents are named.
     */
    public static Map<String, Object> resize(NodeGroup group, List<String> nodesToRemove, Stack current) {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(id(group) + "_count", group.nodeCount());
        if (nodesToRemove != null && !nodesToRemove.isEmpty()) {
            changed.put(id(group) + "_to_remove", AgentMembers.of(current, membersOutput(group))
                    .memberNames(nodesToRemove, "an agent of node group " + group.name()));
        }
        return changed;
    }

    private static String insertBefore(String text, String marker, String inserted) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("the cluster template has no " + marker.strip() + " section");
        }
        return text.substring(0, at + 1) + inserted + text.substring(at + 1);
    }
}
