package dev.magnetar.cli;

import dev.magnetar.cli.command.ClientCommands;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line builds only the client commands it names (picocli reads each one's annotations, the
 * bulk of a short command's start-up), and parses exactly as with every command built.
 */
class CommandSelectionTest {

    private static final Set<String> SERVER = Set.of("serve");

    private static Set<String> built(String... args) {
        return MagnetarCli.forCommandLine(args, SERVER).commandLine().getSubcommands().keySet();
    }

    @Test
    void aClientCommandBuildsOnlyItselfAndHelp() {
        assertThat(built("--url", "http://127.0.0.1:9511", "cluster-list")).containsExactlyInAnyOrder(
                "help", "cluster-list");
    }

    @Test
    void anAliasBuildsItsCommandUnderBothNames() {
        assertThat(built("stats")).containsExactlyInAnyOrder("help", "stats-list", "stats");
    }

    @Test
    void everyNamedCommandIsBuiltSoAnArgumentThatNamesOneParsesAsBefore() {
        // A cluster called "cluster-list": the second word is still cluster-show's argument.
        CommandLine root = MagnetarCli.forCommandLine(new String[]{"cluster-show", "cluster-list"}, SERVER)
                .commandLine();
        assertThat(root.getSubcommands().keySet()).containsExactlyInAnyOrder("help", "cluster-show", "cluster-list");
        CommandLine.ParseResult parsed = root.parseArgs("cluster-show", "cluster-list");
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("cluster-show");
        assertThat(parsed.subcommand().hasSubcommand()).isFalse();
    }

    @Test
    void helpVersionOrNoCommandBuildEveryCommand() {
        Set<String> all = ClientCommands.names();
        assertThat(built("--help")).containsAll(all);
        assertThat(built("--version")).containsAll(all);
        assertThat(built("cluster-list", "-h")).containsAll(all);
        assertThat(built()).containsAll(all);
        assertThat(built("cluster-lsit")).containsAll(all);
    }

    @Test
    void aCommandOfTheCallersOwnBuildsNoClientCommand() {
        assertThat(built("serve", "--port", "9600")).containsExactly("help");
    }

    @Test
    void theRootOfTheWholeClientStillHasEveryCommand() {
        assertThat(MagnetarCli.root().getSubcommands().keySet()).containsAll(ClientCommands.names());
        assertThat(ClientCommands.names()).hasSize(40)
                .contains("cluster-list", "cluster-config", "cluster-upgrade", "stats-list", "stats", "quotas-list",
                        "ca-show", "ca-sign", "ca-rotate", "nodegroup-create", "nodegroup-list", "nodegroup-show",
                        "nodegroup-update", "nodegroup-delete");
    }
}
