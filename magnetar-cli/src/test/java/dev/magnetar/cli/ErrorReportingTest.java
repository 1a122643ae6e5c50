package dev.magnetar.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads, and the exit status a script sees, when things go wrong. */
class ErrorReportingTest extends CliAgainstFakeMagnum {

    @Test
    void aRefusalPrintsTheErrorDetailWithStatusAndRequestIdAndExitsOne() {
        server.fails("GET", "/v1/clustertemplates/no-such-template", 404,
                "ClusterTemplate no-such-template could not be found.");

        CliRunner.Result result = cli.run("cluster-template-show", "no-such-template");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("ClusterTemplate no-such-template could not be found. (HTTP 404) "
                + "(Request-ID: " + FakeMagnum.REQUEST_ID + ")\n");
    }

    @Test
    void aMicroversionRefusalShowsItsDetail() {
        server.on("GET", "/v1/clusters", 406, """
                {"errors": [{"request_id": "", "links": [{"href": "http://developer.openstack.org/api-guide/compute/microversions.html", "rel": "help"}],
                  "code": "magnum.microversion-unsupported", "status": 406, "title": "Requested microversion is unsupported",
                  "detail": "Version 1.99 was requested but the minor version is not supported by this service. The supported version range is: [1.1, 1.10].",
                  "max_version": "1.10", "min_version": "1.1"}]}""");

        CliRunner.Result result = cli.run("--api-version", "1.99", "cluster-list");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("Version 1.99 was requested but the minor version is not supported")
                .contains("(HTTP 406)");
    }

    @Test
    void anErrorWithoutTheEnvelopeIsShownAsItIs() {
        server.on("GET", "/v1/mservices", 502, "Bad Gateway: upstream went away");

        CliRunner.Result result = cli.run("service-list");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("Bad Gateway: upstream went away (HTTP 502)");
    }

    @Test
    void anUnreachableServerIsNamedWithItsUrl() throws Exception {
        String deadUrl;
        try (FakeMagnum gone = new FakeMagnum()) {
            deadUrl = gone.url();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        MagnetarCli magnetar = new MagnetarCli(Map.of("MAGNETAR_URL", deadUrl), new PrintWriter(out), new PrintWriter(err));

        int exit = magnetar.run("cluster-list");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Unable to reach the Magnetar API at " + deadUrl
                + ": connection refused. Is the server running? Set --url or MAGNETAR_URL.\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMalformedCommandLineIsAUsageErrorWithExitTwo() {
        CliRunner.Result unknownOption = cli.run("cluster-list", "--colour");
        CliRunner.Result noCommand = cli.run();
        CliRunner.Result badFormat = cli.run("-f", "yaml", "cluster-list");

        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--colour'");
        assertThat(noCommand.exit()).isEqualTo(2);
        assertThat(noCommand.err()).contains("Missing required subcommand");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aUrlThatIsNotAbsoluteIsACommandError() {
        CliRunner.Result result = cli.run("--url", "localhost:9511", "cluster-list");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("--url must be an absolute http(s) URL");
    }

    @Test
    void theServerModuleCanAddCommandsAndKeepsTheClientErrorHandling() {
        server.fails("GET", "/v1/clusters/x", 404, "Cluster x could not be found.");
        StringWriter err = new StringWriter();
        MagnetarCli magnetar = new MagnetarCli(Map.of("MAGNETAR_URL", server.url()), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        magnetar.addSubcommand("serve", new ServeStub());
        magnetar.commandLine().setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            throw e;
        });

        assertThat(magnetar.run("serve")).isEqualTo(42);
        assertThat(magnetar.run("cluster-show", "x")).isEqualTo(1);
        assertThat(err.toString()).startsWith("Cluster x could not be found.");
    }

    @picocli.CommandLine.Command(name = "serve")
    static final class ServeStub implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            return 42;
        }
    }
}
