package dev.magnetar.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** Every client command, in the order {@code --help} lists them. */
    private static final List<Entry> COMMANDS = List.of(
            new Entry("baymodel-create", List.of(), context -> new BaymodelCreateCommand(context),
                    "Create a baymodel."),
            new Entry("baymodel-list", List.of(),
                    context -> new ListCommand(context, BAYMODEL, List.of("uuid", "name")),
                    "Print a list of baymodels."),
            new Entry("baymodel-show", List.of(), context -> new ShowCommand(context, BAYMODEL),
                    "Show details about the given baymodel.", "--long"),
            new Entry("baymodel-update", List.of(), context -> new UpdateCommand(context, BAYMODEL),
                    "Update information about the given baymodel.", "--rollback", "--wait"),
            new Entry("baymodel-delete", List.of(), context -> new DeleteCommand(context, BAYMODEL),
                    "Delete specified baymodel(s).", "--wait"),

            new Entry("bay-create", List.of(), context -> new BayCreateCommand(context),
                    "Create a bay."),
            new Entry("bay-list", List.of(),
                    context -> new ListCommand(context, BAY,
                            List.of("uuid", "name", "node_count", "master_count", "status")),
                    "Print a list of available bays."),
            new Entry("bay-show", List.of(), context -> new ShowCommand(context, BAY),
                    "Show details about the given bay."),
            new Entry("bay-update", List.of(), context -> new UpdateCommand(context, BAY),
                    "Update information about the given bay."),
            new Entry("bay-delete", List.of(), context -> new DeleteCommand(context, BAY),
                    "Delete specified bay(s)."),

            new Entry("cluster-template-create", List.of(), context -> new ClusterTemplateCreateCommand(context),
                    "Create a cluster template."),
            new Entry("cluster-template-list", List.of(),
                    context -> new ListCommand(context, CLUSTER_TEMPLATE, List.of("uuid", "name")),
                    "Print a list of cluster templates."),
            new Entry("cluster-template-show", List.of(), context -> new ShowCommand(context, CLUSTER_TEMPLATE),
                    "Show details about the given cluster template.", "--long"),
            new Entry("cluster-template-update", List.of(), context -> new UpdateCommand(context, CLUSTER_TEMPLATE),
                    "Update information about the given cluster template.", "--rollback", "--wait"),
            new Entry("cluster-template-delete", List.of(), context -> new DeleteCommand(context, CLUSTER_TEMPLATE),
                    "Delete specified cluster template(s).", "--wait"),
            new Entry("cluster-create", List.of(), context -> new ClusterCreateCommand(context),
                    "Create a cluster."),
            new Entry("cluster-list", List.of(),
                    context -> new ListCommand(context, CLUSTER,
                            List.of("uuid", "name", "keypair", "node_count", "master_count", "status")),
                    "Print a list of available clusters."),
            new Entry("cluster-show", List.of(), context -> new ShowCommand(context, CLUSTER),
                    "Show details about the given cluster."),
            new Entry("cluster-update", List.of(), context -> new UpdateCommand(context, CLUSTER),
                    "Update information about the given cluster."),
            new Entry("cluster-delete", List.of(), context -> new DeleteCommand(context, CLUSTER),
                    "Delete specified cluster(s)."),
            new Entry("cluster-resize", List.of(), context -> new ClusterResizeCommand(context),
                    "Resize a cluster, optionally naming the nodes to remove."),
            new Entry("cluster-upgrade", List.of(), context -> new ClusterUpgradeCommand(context),
                    "Upgrade a cluster to another cluster template (for DC/OS: another release)."),
            new Entry("cluster-events", List.of(), context -> new ClusterEventsCommand(context),
                    "Print the events of a cluster."),

            new Entry("nodegroup-create", List.of(), context -> new NodeGroupCommands.Create(context),
                    "Add a node group to a cluster."),
            new Entry("nodegroup-list", List.of(), context -> new NodeGroupCommands.ListGroups(context),
                    "Print the node groups of a cluster."),
            new Entry("nodegroup-show", List.of(), context -> new NodeGroupCommands.Show(context),
                    "Show details about a node group."),
            new Entry("nodegroup-update", List.of(), context -> new NodeGroupCommands.Update(context),
                    "Change a node group's min_node_count or max_node_count."),
            new Entry("nodegroup-delete", List.of(), context -> new NodeGroupCommands.Delete(context),
                    "Delete node group(s) of a cluster."),

            new Entry("cluster-config", List.of(), context -> new ClusterConfigCommand(context),
                    "Write what the DC/OS CLI needs to attach to a dcos cluster, and print its UI's URL."),

            new Entry("ca-show", List.of(), context -> new CaCommands.Show(context),
                    "Show the CA certificate a client trusts to reach a cluster."),
            new Entry("ca-sign", List.of(), context -> new CaCommands.Sign(context),
                    "Have a cluster's CA sign a certificate signing request."),
            new Entry("ca-rotate", List.of(), context -> new CaCommands.Rotate(context),
                    "Rotate a cluster's CA certificate."),

            new Entry("service-list", List.of(), context -> new ServiceListCommand(context),
                    "Print a list of Magnetar conductors."),

            new Entry("stats-list", List.of("stats"), context -> new StatsListCommand(context),
                    "Show cluster and node counts."),

            new Entry("quotas-create", List.of(),
                    context -> new QuotaWriteCommand(context, QuotaWriteCommand.Mode.CREATE),
                    "Create a quota."),
            new Entry("quotas-update", List.of(),
                    context -> new QuotaWriteCommand(context, QuotaWriteCommand.Mode.UPDATE),
                    "Update a quota."),
            new Entry("quotas-show", List.of(), context -> new QuotaShowCommand(context),
                    "Show the details of a quota."),
            new Entry("quotas-delete", List.of(), context -> new QuotaDeleteCommand(context),
                    "Delete a quota."),
            new Entry("quotas-list", List.of(), context -> new QuotaListCommand(context),
                    "Print a list of quotas."));

    /** The names (and aliases) of every client command. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Entry entry : COMMANDS) {
            names.add(entry.name());
            names.addAll(entry.aliases());
        }
        return names;
    }

    public static void addTo(CommandLine root, CliContext context) {
        addTo(root, context, name -> true);
    }

    /**
     * Adds the client commands whose name (or an alias) {@code wanted} accepts. Building a command's
     * model is picocli reading its annotations by reflection, most of a short command's start-up when
     * done for all of them, so a command line can register only the commands it names.
     */
    public static void addTo(CommandLine root, CliContext context, Predicate<String> wanted) {
        for (Entry entry : COMMANDS) {
            if (wanted.test(entry.name()) || entry.aliases().stream().anyMatch(wanted)) {
                root.addSubcommand(entry.name(), described(entry.factory().apply(context), entry.description(),
                        entry.notApplicable()), entry.aliases().toArray(String[]::new));
            }
        }
    }

    /** One command: its name and aliases, how to make it, its description, and the options taken off it. */
    private record Entry(String name, List<String> aliases, Function<CliContext, Object> factory, String description,
                         String... notApplicable) {
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
