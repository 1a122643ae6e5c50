package dev.magnetar.server.testdriver;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterDriverProvider;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverDescriptor;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A driver that lives in test code only: it exercises the SPI end to end without any real COE.
 * It serves (vm, fedora-coreos, kubernetes), accepts one label, {@code test_label} (blue|green), and
 * free-form {@code note_*} labels that render nowhere (so tests can change many distinct labels), and
 * renders a two-file HOT stack of masters and nodes behind wait conditions.
 */
public final class TestDriver implements ClusterDriver {

    public static final String NAME = "test_driver_v1";
    public static final DriverKey KEY = new DriverKey("vm", "fedora-coreos", "kubernetes");
    private static final Set<String> LABEL_VALUES = Set.of("blue", "green");
    private static final String NOTE_PREFIX = "note_";

    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor(NAME, "1.0.0", List.of(KEY), false, "Test-only driver exercising the SPI");
    }

    @Override
    public DriverPolicy policy() {
        return new DriverPolicy(Set.of("flannel", "calico"), "flannel", Set.of("cinder"));
    }

    @Override
    public void validateTemplate(ClusterTemplate template) {
        checkLabels(template.labels());
    }

    @Override
    public void validateCluster(ClusterTemplate template, Cluster cluster) {
        checkLabels(cluster.spec().labels());
        boolean lb = cluster.spec().masterLbEnabled() == null ? template.masterLbEnabled() : cluster.spec().masterLbEnabled();
        if (cluster.spec().masterCount() > 1 && !lb) {
            throw MagnetarException.invalid("master_count must be 1 when master_lb_enabled is False");
        }
    }

    private static void checkLabels(Map<String, String> labels) {
        labels.forEach((key, value) -> {
            if (key.startsWith(NOTE_PREFIX)) {
                return;
            }
            if (!key.equals("test_label")) {
                throw MagnetarException.invalid("Label " + key + " is not supported by " + NAME
                        + "; supported labels: test_label");
            }
            if (!LABEL_VALUES.contains(value)) {
                throw MagnetarException.invalid("Label test_label has invalid value '" + value
                        + "': allowed values are blue, green");
            }
        });
    }

    @Override
    public StackSpec stackSpec(ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("cluster_name", cluster.name());
        parameters.put("server_image", template.imageId());
        parameters.put("ssh_key_name", cluster.spec().keypair() == null ? "" : cluster.spec().keypair());
        parameters.put("external_network", template.externalNetworkId() == null ? "public" : template.externalNetworkId());
        parameters.put("number_of_masters", cluster.spec().masterCount());
        parameters.put("number_of_nodes", cluster.spec().nodeCount());
        parameters.put("test_label", cluster.spec().labels().getOrDefault("test_label", "blue"));
        String hot = resource("cluster.yaml");
        StringBuilder pools = new StringBuilder();
        StringBuilder outputs = new StringBuilder();
        for (NodeGroup group : cluster.spec().nodeGroups()) {
            String id = poolId(group);
            parameters.put(id + "_count", group.nodeCount());
            pools.append("  ").append(id).append("_count:\n    type: number\n")
                    .append("  ").append(id).append("_to_remove:\n    type: comma_delimited_list\n    default: []\n");
            outputs.append("  ").append(id).append("_addresses:\n    value: {get_attr: [").append(id)
                    .append(", floating_address]}\n");
        }
        if (!cluster.spec().nodeGroups().isEmpty()) {
            StringBuilder resources = new StringBuilder();
            for (NodeGroup group : cluster.spec().nodeGroups()) {
                String id = poolId(group);
                resources.append("  ").append(id).append(":\n    type: OS::Heat::ResourceGroup\n    depends_on: masters\n")
                        .append("    properties:\n      count: {get_param: ").append(id).append("_count}\n")
                        .append("      removal_policies:\n        - resource_list: {get_param: ").append(id)
                        .append("_to_remove}\n      resource_def:\n        type: node.yaml\n        properties:\n")
                        .append("          name: {list_join: ['-', [{get_param: cluster_name}, ").append(group.name())
                        .append(", '%index%']]}\n          image: {get_param: server_image}\n")
                        .append("          flavor: {get_param: flavor}\n          key_name: {get_param: ssh_key_name}\n")
                        .append("          network: {get_resource: network}\n")
                        .append("          external_network: {get_param: external_network}\n          role: node\n\n");
            }
            hot = hot.replace("\nresources:\n", pools + "\nresources:\n")
                    .replace("\noutputs:\n", "\n" + resources + "outputs:\n") + outputs;
        }
        return new StackSpec(hot, Map.of("node.yaml", resource("node.yaml")), "", parameters);
    }

    /** The stack's name for a node group: its resource group and that group's parameters and output. */
    private static String poolId(NodeGroup group) {
        return "pool_" + group.uuid().replace("-", "").substring(0, 12);
    }

    @Override
    public Set<String> nodeGroupRoles() {
        return Set.of(NodeGroup.WORKER_ROLE);
    }

    @Override
    public void validateNodeGroup(ClusterTemplate template, Cluster cluster, NodeGroup group) {
        checkLabels(group.labels());
    }

    @Override
    public Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster, String nodeGroup,
                                               List<String> nodesToRemove, Stack current) {
        if (nodeGroup == null) {
            return scaleParameters(template, cluster, nodesToRemove, current);
        }
        NodeGroup group = NodeGroups.added(cluster.spec(), nodeGroup).orElseThrow();
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(poolId(group) + "_count", group.nodeCount());
        if (!nodesToRemove.isEmpty()) {
            changed.put(poolId(group) + "_to_remove", String.join(",", nodesToRemove));
        }
        return changed;
    }

    @Override
    public Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster, List<String> nodesToRemove,
                                               Stack current) {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("number_of_nodes", cluster.spec().nodeCount());
        if (!nodesToRemove.isEmpty()) {
            changed.put("nodes_to_remove", String.join(",", nodesToRemove));
        }
        return changed;
    }

    @Override
    public ClusterObservation observe(ClusterTemplate template, Cluster cluster, Stack stack) {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        cluster.spec().nodeGroups().forEach(g -> pools.put(g.uuid(), strings(stack.outputs().get(poolId(g) + "_addresses"))));
        return new ClusterObservation((String) stack.outputs().get("api_address"),
                strings(stack.outputs().get("master_addresses")), strings(stack.outputs().get("node_addresses")),
                "1.0", "test-runtime-1", pools);
    }

    @Override
    public Map<String, Map<String, String>> nodeFiles(ClusterTemplate template, Cluster cluster,
                                                      DeploymentContext context) {
        return Map.of("node", Map.of("role.txt", "node of " + cluster.name() + "\n"));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String resource(String name) {
        try (InputStream in = TestDriver.class.getResourceAsStream("/testdriver/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ServiceLoader entry point (test resources' META-INF/services). */
    public static final class Provider implements ClusterDriverProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ClusterDriver create(DriverSettings settings) {
            return new TestDriver();
        }
    }
}
