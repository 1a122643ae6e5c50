package dev.magnetar.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

import static dev.magnetar.cli.command.ResourceType.BAY;
import static dev.magnetar.cli.command.ResourceType.BAYMODEL;
import static dev.magnetar.cli.command.ResourceType.CLUSTER;
import static dev.magnetar.cli.command.ResourceType.CLUSTER_TEMPLATE;

/**
 * The client half of {@code magnetar}: the legacy {@code magnum} shell's commands under their own
 * names, so that its users' muscle memory and scripts keep working. The same command classes serve
 * the legacy (bay) and current (cluster) spellings; options that do not apply to templates are taken
 * off their commands.
 */
public final class ClientCommands {

    private ClientCommands() {
    }

    public static void addTo(CommandLine root, CliContext context) {
        add(root, "baymodel-create", new BaymodelCreateCommand(context), "Create a baymodel.");
        add(root, "baymodel-list", new ListCommand(context, BAYMODEL, List.of("uuid", "name")), "Print a list of baymodels.");
        add(root, "baymodel-show", new ShowCommand(context, BAYMODEL), "Show details about the given baymodel.", "--long");
        add(root, "baymodel-update", new UpdateCommand(context, BAYMODEL), "Update information about the given baymodel.",
                "--rollback", "--wait");
        add(root, "baymodel-delete", new DeleteCommand(context, BAYMODEL), "Delete specified baymodel(s).", "--wait");

        add(root, "bay-create", new BayCreateCommand(context), "Create a bay.");
        add(root, "bay-list", new ListCommand(context, BAY, List.of("uuid", "name", "node_count", "master_count", "status")),
                "Print a list of available bays.");
        add(root, "bay-show", new ShowCommand(context, BAY), "Show details about the given bay.");
        add(root, "bay-update", new UpdateCommand(context, BAY), "Update information about the given bay.");
        add(root, "bay-delete", new DeleteCommand(context, BAY), "Delete specified bay(s).");

        add(root, "cluster-template-create", new ClusterTemplateCreateCommand(context), "Create a cluster template.");
        add(root, "cluster-template-list", new ListCommand(context, CLUSTER_TEMPLATE, List.of("uuid", "name")),
                "Print a list of cluster templates.");
        add(root, "cluster-template-show", new ShowCommand(context, CLUSTER_TEMPLATE),
                "Show details about the given cluster template.", "--long");
        add(root, "cluster-template-update", new UpdateCommand(context, CLUSTER_TEMPLATE),
                "Update information about the given cluster template.", "--rollback", "--wait");
        add(root, "cluster-template-delete", new DeleteCommand(context, CLUSTER_TEMPLATE),
                "Delete specified cluster template(s).", "--wait");

        add(root, "cluster-create", new ClusterCreateCommand(context), "Create a cluster.");
        add(root, "cluster-list", new ListCommand(context, CLUSTER,
                List.of("uuid", "name", "keypair", "node_count", "master_count", "status")), "Print a list of available clusters.");
        add(root, "cluster-show", new ShowCommand(context, CLUSTER), "Show details about the given cluster.");
        add(root, "cluster-update", new UpdateCommand(context, CLUSTER), "Update information about the given cluster.");
        add(root, "cluster-delete", new DeleteCommand(context, CLUSTER), "Delete specified cluster(s).");
        add(root, "cluster-resize", new ClusterResizeCommand(context), "Resize a cluster, optionally naming the nodes to remove.");
        add(root, "cluster-events", new ClusterEventsCommand(context), "Print the events of a cluster.");
        add(root, "cluster-config", new ClusterConfigCommand(context),
                "Write what the DC/OS CLI needs to attach to a dcos cluster, and print its UI's URL.");

        add(root, "service-list", new ServiceListCommand(context), "Print a list of Magnetar conductors.");
        root.addSubcommand("stats-list", described(new StatsListCommand(context), "Show cluster and node counts."), "stats");

        add(root, "quotas-create", new QuotaWriteCommand(context, QuotaWriteCommand.Mode.CREATE), "Create a quota.");
        add(root, "quotas-update", new QuotaWriteCommand(context, QuotaWriteCommand.Mode.UPDATE), "Update a quota.");
        add(root, "quotas-show", new QuotaShowCommand(context), "Show the details of a quota.");
        add(root, "quotas-delete", new QuotaDeleteCommand(context), "Delete a quota.");
        add(root, "quotas-list", new QuotaListCommand(context), "Print a list of quotas.");
    }

    private static void add(CommandLine root, String name, Object command, String description, String... notApplicable) {
        root.addSubcommand(name, described(command, description, notApplicable));
    }

    private static CommandLine described(Object command, String description, String... notApplicable) {
        CommandLine sub = new CommandLine(command);
        CommandSpec spec = sub.getCommandSpec();
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        for (String option : notApplicable) {
            spec.remove(spec.findOption(option));
        }
        return sub;
    }
}
