package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code cluster-upgrade <cluster> <cluster_template>}: Magnum's upgrade action (API 1.8), as
 * {@code openstack coe cluster upgrade} sends it; for DC/OS, docs/dcos-driver.md#upgrading-dcos.
 */
@Command
public final class ClusterUpgradeCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
    String cluster;

    @Parameters(index = "1", paramLabel = "<cluster_template>",
            description = "Name or uuid of the cluster template to upgrade to.")
    String template;

    @Option(names = "--max-batch-size", paramLabel = "<max_batch_size>", defaultValue = "1",
            description = "How many agents upgrade at once (default 1); masters always one at a time.")
    int maxBatchSize;

    @Option(names = "--nodegroup", paramLabel = "<nodegroup>", description = "The node group to upgrade.")
    String nodegroup;

    @Mixin
    WaitOption waitOption;

    public ClusterUpgradeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = context.json().createObjectNode()
                .put("cluster_template", template)
                .put("max_batch_size", maxBatchSize);
        TemplateOptions.putIfSet(body, "nodegroup", nodegroup);
        return ClusterResizeCommand.clusterAction(context, cluster, "upgrade", body, waitOption);
    }
}
