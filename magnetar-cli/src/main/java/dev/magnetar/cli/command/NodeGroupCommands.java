package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.http.ApiPath;
import dev.magnetar.cli.input.Labels;
import dev.magnetar.cli.input.PatchBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code nodegroup-create|list|show|update|delete}: a cluster's node groups (Magnum's API 1.9), with the
 * arguments of {@code openstack coe nodegroup ...}: the cluster first, then the group's name or uuid.
 */
final class NodeGroupCommands {

    private NodeGroupCommands() {
    }

    static ApiPath groups(String cluster) {
        return ResourceType.CLUSTER.item(cluster).segment("nodegroups");
    }

    @Command
    static final class Create implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
        String cluster;

        @Parameters(index = "1", paramLabel = "<name>", description = "Name of the node group.")
        String name;

        @Option(names = "--node-count", description = "Number of nodes (default 1).")
        Integer nodeCount;

        @Option(names = "--min-nodes", description = "Least node count a resize may ask for (default 0).")
        Integer minNodes;

        @Option(names = "--max-nodes", description = "Most node count a resize may ask for.")
        Integer maxNodes;

        @Option(names = "--role", description = "Role of the nodes (the driver says which; DC/OS: agent, "
                + "public_agent).")
        String role;

        @Option(names = "--flavor", description = "Nova flavor of the nodes (default: the cluster's).")
        String flavor;

        @Option(names = "--image", description = "Glance image of the nodes (default: the template's).")
        String image;

        @Option(names = "--docker-volume-size", description = "GB of Cinder volume for Docker per node.")
        Integer dockerVolumeSize;

        @Option(names = "--labels", paramLabel = "<KEY1=VALUE1,KEY2=VALUE2;KEY3=VALUE3...>",
                description = "Labels of the node group; repeat or separate with , or ;.")
        List<String> labels = new ArrayList<>();

        @Option(names = "--merge-labels", description = "Merge the labels over the cluster's.")
        boolean mergeLabels;

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ObjectNode body = context.json().createObjectNode().put("name", name);
            TemplateOptions.putIfSet(body, "role", role);
            TemplateOptions.putIfSet(body, "flavor_id", flavor);
            TemplateOptions.putIfSet(body, "image_id", image);
            putIfSet(body, "node_count", nodeCount);
            putIfSet(body, "min_node_count", minNodes);
            putIfSet(body, "max_node_count", maxNodes);
            putIfSet(body, "docker_volume_size", dockerVolumeSize);
            if (!labels.isEmpty()) {
                Map<String, String> parsed = new Labels(context.json()).parse(labels);
                body.set("labels", context.json().valueToTree(parsed));
            }
            if (mergeLabels) {
                body.put("merge_labels", true);
            }
            JsonNode created = context.client().post(groups(cluster), body).body();
            context.output().accepted(created, "Request to create nodegroup " + created.path("uuid").asText(name)
                    + " has been accepted.");
            return 0;
        }

        private static void putIfSet(ObjectNode body, String field, Integer value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    @Command
    static final class ListGroups implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
        String cluster;

        @Option(names = "--role", description = "Only the node groups of this role.")
        String role;

        @Option(names = "--limit", description = "Most node groups to return.")
        Integer limit;

        @Option(names = "--sort-key", description = "Field to sort by.")
        String sortKey;

        @Option(names = "--sort-dir", description = "asc or desc.")
        String sortDir;

        ListGroups(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ApiPath path = groups(cluster).query("role", role).query("limit", limit).query("sort_key", sortKey)
                    .query("sort_dir", sortDir);
            List<JsonNode> items = new ArrayList<>();
            context.client().get(path).body().path("nodegroups").forEach(items::add);
            context.output().list(items, List.of("uuid", "name", "flavor_id", "image_id", "node_count", "status",
                    "role"));
            return 0;
        }
    }

    @Command
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
        String cluster;

        @Parameters(index = "1", paramLabel = "<nodegroup>", description = "Name or uuid of the node group.")
        String nodegroup;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.output().resource(context.client().get(groups(cluster).segment(nodegroup)).body());
            return 0;
        }
    }

    @Command
    static final class Update implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
        String cluster;

        @Parameters(index = "1", paramLabel = "<nodegroup>", description = "Name or uuid of the node group.")
        String nodegroup;

        @Parameters(index = "2", paramLabel = "<op>", description = "Operation: add, replace or remove.")
        String op;

        @Parameters(index = "3..*", arity = "1..*", paramLabel = "<attribute>",
                description = "PATH=VALUE (min_node_count, max_node_count), or PATH to remove.")
        List<String> attributes;

        Update(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            JsonNode patch = new PatchBuilder(context.json()).build(op, attributes);
            JsonNode updated = context.client().patch(groups(cluster).segment(nodegroup), patch).body();
            context.output().accepted(updated, "Request to update nodegroup " + nodegroup + " has been accepted.");
            return 0;
        }
    }

    @Command
    static final class Delete implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
        String cluster;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "<nodegroup>",
                description = "Name or uuid of the node group(s) to delete.")
        List<String> nodegroups;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            for (String nodegroup : nodegroups) {
                context.client().delete(groups(cluster).segment(nodegroup));
                context.output().line("Request to delete nodegroup " + nodegroup + " has been accepted.");
            }
            return 0;
        }
    }
}
