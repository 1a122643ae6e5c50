package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.cli.command.CliContext;
import dev.magnetar.cli.command.ClientCommands;
import dev.magnetar.cli.error.CommandError;
import dev.magnetar.cli.http.ApiException;
import dev.magnetar.cli.http.ApiSettings;
import dev.magnetar.cli.http.HttpTransport;
import dev.magnetar.cli.http.MagnumClient;
import dev.magnetar.cli.http.ServerUnreachableException;
import dev.magnetar.cli.output.Output;
import dev.magnetar.cli.wait.Sleeper;
import dev.magnetar.cli.wait.StatusWaiter;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code magnetar} command line. It builds the root command with every client command (the
 * Magnum shell's, talking HTTP to the API); the server module adds its own ({@code serve},
 * {@code db-upgrade}, ...) to the same root, either to {@link #root()} or through
 * {@link #addSubcommand}.
 *
 * <p>Exit statuses: 0 on success, 1 when the server refuses a request, cannot be reached, or an
 * operation waited for ends failed, 2 for a malformed command line.
 */
public final class MagnetarCli {

    /** Arguments after which the root's usage or version may be printed, which needs every command. */
    private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "help", "-V", "--version");

    private final MagnetarCommand options = new MagnetarCommand();
    private final CommandLine root;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpTransport http;
    private final ObjectMapper json = new ObjectMapper();
    private final InstantSource clock;
    private final Sleeper sleeper;

    /** The real thing: the process environment, standard output and error. */
    public MagnetarCli() {
        this(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** A command line reading its defaults from {@code environment} and printing to the given writers. */
    public MagnetarCli(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this(environment, out, err, name -> true);
    }

    private MagnetarCli(Map<String, String> environment, PrintWriter out, PrintWriter err, Predicate<String> commands) {
        this(environment, out, err, HttpTransport.standard(), InstantSource.system(),
                Sleeper.threadSleep(), commands);
    }

    MagnetarCli(Map<String, String> environment, PrintWriter out, PrintWriter err, HttpTransport http,
                InstantSource clock, Sleeper sleeper) {
        this(environment, out, err, http, clock, sleeper, name -> true);
    }

    private MagnetarCli(Map<String, String> environment, PrintWriter out, PrintWriter err, HttpTransport http,
                        InstantSource clock, Sleeper sleeper, Predicate<String> commands) {
        this.out = out;
        this.err = err;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.root = new CommandLine(options);
        root.setDefaultValueProvider(new EnvironmentDefaults(options, environment));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setOut(out);
        root.setErr(err);
        root.setExecutionStrategy(this::executeReportingFailures);
        root.addSubcommand("help", new CommandLine.HelpCommand());
        ClientCommands.addTo(root, new Session(), commands);
    }

    /** The client alone, without the server's commands: what {@code ./magnetar} runs for a client command. */
    public static void main(String... args) {
        System.exit(forCommandLine(args, Set.of()).run(args));
    }

    /**
     * A command line for this process that registers only the client commands {@code args} names, for a
     * short command's start-up (see {@link ClientCommands#addTo(CommandLine, CliContext, Predicate)}).
     * Parsing is the same as with every command registered: each argument that names a command is
     * registered. Every command is registered when the arguments ask for help or the version (the
     * root's usage lists them all), or name no command at all (picocli then suggests close names);
     * none when they name only one of {@code otherCommands}, which the caller adds itself.
     */
    public static MagnetarCli forCommandLine(String[] args, Set<String> otherCommands) {
        List<String> given = List.of(args);
        Set<String> named = new HashSet<>(ClientCommands.names());
        named.retainAll(given);
        Predicate<String> commands;
        if (given.stream().anyMatch(HELP_OR_VERSION::contains)) {
            commands = name -> true;
        } else if (!named.isEmpty()) {
            commands = named::contains;
        } else if (given.stream().anyMatch(otherCommands::contains)) {
            commands = name -> false;
        } else {
            commands = name -> true;
        }
        return new MagnetarCli(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                commands);
    }

    /**
     * A root command for this process (its environment, standard output and error) with every client
     * command, for the server module to add its commands to and {@code execute}. Client failures are
     * reported and mapped to exit status 1 by the root's execution strategy, so they need no
     * exception handler.
     */
    public static CommandLine root() {
        return new MagnetarCli().commandLine();
    }

    /** {@link #root()} with only the client commands {@code args} names; see {@link #forCommandLine}. */
    public static CommandLine root(String[] args, Set<String> otherCommands) {
        return forCommandLine(args, otherCommands).commandLine();
    }

    /** This instance's root command, to add subcommands to or to inspect. */
    public CommandLine commandLine() {
        return root;
    }

    /** Adds a command (an annotated object or a {@link CommandLine}) under {@code name}. */
    public MagnetarCli addSubcommand(String name, Object command) {
        root.addSubcommand(name, command);
        return this;
    }

    /** Parses and runs one command line; returns the exit status. */
    public int run(String... args) {
        // Applied again so that subcommands added after construction write to the same place.
        root.setOut(out);
        root.setErr(err);
        try {
            return root.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs the chosen command; a refusal by the server, an unreachable server or bad input is printed
     * as one line on standard error with exit status 1, like the OpenStack clients do. Anything else
     * is a bug and goes on to picocli's handler with its stack trace.
     */
    private int executeReportingFailures(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (CommandLine.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException || cause instanceof ServerUnreachableException
                    || cause instanceof CommandError) {
                err.println(cause.getMessage());
                err.flush();
                return 1;
            }
            throw e;
        }
    }

    /** The client commands' view of the parsed root options. */
    private final class Session implements CliContext {

        @Override
        public MagnumClient client() {
            return new MagnumClient(settings(), http, json);
        }

        @Override
        public Output output() {
            return new Output(options.format, out, err, json);
        }

        @Override
        public ObjectMapper json() {
            return json;
        }

        @Override
        public StatusWaiter waiter() {
            Duration interval = Duration.ofMillis(Math.max(0, Math.round(options.pollIntervalSeconds * 1000)));
            return new StatusWaiter(client(), output()::progress, interval, clock, sleeper);
        }

        private ApiSettings settings() {
            URI endpoint;
            try {
                endpoint = URI.create(options.url);
            } catch (IllegalArgumentException e) {
                throw new CommandError("--url is not a URL: " + options.url);
            }
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw new CommandError("--url must be an absolute http(s) URL, not " + options.url);
            }
            return new ApiSettings(endpoint, options.token, options.projectId, options.roles, options.apiVersion);
        }
    }
}
