package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.http.MagnumClient;
import dev.magnetar.cli.wait.StatusWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cluster-resize <cluster> <node_count>}: Magnum's resize action (API 1.7), which unlike a
 * patch of {@code node_count} can name the nodes to remove when shrinking.
 */
@Command
public final class ClusterResizeCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
    String cluster;

    @Parameters(index = "1", paramLabel = "<node_count>", description = "The wanted number of agent nodes.")
    int nodeCount;

    @Option(names = "--nodes-to-remove", paramLabel = "<server id>",
            description = "A server to remove when shrinking; repeat for several.")
    List<String> nodesToRemove = new ArrayList<>();

    @Option(names = "--nodegroup", paramLabel = "<nodegroup>", description = "The node group to resize.")
    String nodegroup;

    @Mixin
    WaitOption waitOption;

    public ClusterResizeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = context.json().createObjectNode().put("node_count", nodeCount);
        if (!nodesToRemove.isEmpty()) {
            nodesToRemove.forEach(body.putArray("nodes_to_remove")::add);
        }
        TemplateOptions.putIfSet(body, "nodegroup", nodegroup);
        return clusterAction(context, cluster, "resize", body, waitOption);
    }

    /**
     * Posts one of Magnum's cluster actions, says it was accepted, and with {@code --wait} follows the
     * cluster until it settles.
     */
    static int clusterAction(CliContext context, String cluster, String action, ObjectNode body, WaitOption wait) {
        MagnumClient.Response response = context.client()
                .post(ResourceType.CLUSTER.item(cluster).segment("actions").segment(action), body);
        context.output().accepted(response.body(), "Request to " + action + " cluster " + cluster
                + " has been accepted.");
        if (wait.enabled) {
            String uuid = response.body().path("uuid").asText(cluster);
            return context.waiter().await(ResourceType.CLUSTER.item(uuid), ResourceType.CLUSTER.faultsField(),
                    StatusWaiter.Goal.SETTLED);
        }
        return 0;
    }
}
