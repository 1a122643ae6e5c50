package dev.magnetar.cli;

import dev.magnetar.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The root {@code magnetar} command: the options that say which server to talk to, as whom, at which
 * microversion, and how to print. They go before the subcommand, as in the {@code magnum} shell.
 */
@Command(name = "magnetar", mixinStandardHelpOptions = true, versionProvider = MagnetarCommand.Version.class,
        synopsisSubcommandLabel = "<command>",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success",
                "1:the server refused the request or could not be reached, or a waited-for operation failed",
                "2:the command line is malformed"},
        description = {"Magnetar: container infrastructure for OpenStack, speaking Magnum's v1 API.",
                "Client commands talk to the API at --url; server commands run Magnetar itself."})
final class MagnetarCommand {

    static final String DEFAULT_URL = "http://127.0.0.1:9511";

    @Option(names = "--url", paramLabel = "<url>", defaultValue = DEFAULT_URL,
            description = "Magnetar API endpoint (env MAGNETAR_URL; default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--os-token", paramLabel = "<token>",
            description = "Keystone token, sent as X-Auth-Token (env OS_TOKEN).")
    String token;

    @Option(names = "--project-id", paramLabel = "<project-id>",
            description = "Project for noauth mode, sent as X-Project-Id (env MAGNETAR_PROJECT_ID).")
    String projectId;

    @Option(names = "--roles", paramLabel = "<roles>",
            description = "Comma-separated roles for noauth mode, sent as X-Roles (env MAGNETAR_ROLES).")
    String roles;

    @Option(names = "--api-version", paramLabel = "<api-version>", defaultValue = "latest",
            description = "Microversion to request, X.Y or latest (default: ${DEFAULT-VALUE}).")
    String apiVersion;

    @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--poll-interval", hidden = true, paramLabel = "<seconds>", defaultValue = "5",
            description = "Seconds between polls of --wait (env MAGNETAR_POLL_INTERVAL).")
    double pollIntervalSeconds;

    /** The version Maven wrote into the jar's resources. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = MagnetarCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"magnetar " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
