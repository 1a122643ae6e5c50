package dev.magnetar.server;

import dev.magnetar.cli.MagnetarCli;
import dev.magnetar.server.command.ConfigSampleCommand;
import dev.magnetar.server.command.DbUpgradeCommand;
import dev.magnetar.server.command.ServeCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every `magnetar …` command in the operator's guide and the README is one the real command line
 * accepts: an option renamed in code without the docs following fails here.
 */
class OperatorGuideCommandsTest {

    @Test
    void every_magnetar_command_in_the_guide_and_readme_parses() throws IOException {
        List<String> commands = new ArrayList<>();
        for (String doc : List.of("docs/operator-guide.md", "README.md")) {
            commands.addAll(magnetarCommands(repoRoot().resolve(doc)));
        }
        assertThat(commands).hasSizeGreaterThan(8);
        for (String command : commands) {
            CommandLine root = MagnetarCli.root();
            root.addSubcommand(new ServeCommand());
            root.addSubcommand(new DbUpgradeCommand());
            root.addSubcommand(new ConfigSampleCommand());
            String[] args = command.replaceFirst("^(\\./)?magnetar\\s*", "").trim().split("\\s+");
            assertThatCode(() -> root.parseArgs(args)).as(command).doesNotThrowAnyException();
        }
    }

    private static List<String> magnetarCommands(Path doc) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        String pending = "";
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            String text = pending + line.strip();
            if (text.endsWith("\\")) {
                pending = text.substring(0, text.length() - 1) + " ";
                continue;
            }
            pending = "";
            if (text.matches("^(\\./)?magnetar\\s.*")) {
                commands.add(text.replaceAll("\\s+#.*$", ""));
            }
        }
        return commands;
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/operator-guide.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("docs/operator-guide.md not found");
    }
}
