package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.error.CommandError;
import dev.magnetar.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cluster-config <cluster> [--dir D] [--force]}: what the DC/OS CLI needs to attach to a dcos
 * cluster, from Magnetar's extension {@code GET /v1/clusters/{ident}/dcos-attach}. Writes the CA
 * bundle to pin (when Admin Router serves HTTPS) and {@value #SCRIPT}, a script running
 * {@code dcos cluster setup}, into the directory; prints the UI's URL, the command and how to log in.
 * For dcos clusters this takes the place of {@code openstack coe cluster config}, which writes
 * Kubernetes and Swarm configurations only.
 */
@Command
public final class ClusterConfigCommand implements Callable<Integer> {

    static final String SCRIPT = "dcos-cluster-setup.sh";

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
    String cluster;

    @Option(names = "--dir", paramLabel = "<dir>", description = "Directory to write the files to (default: current).")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    public ClusterConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode attach = context.client().get(ResourceType.CLUSTER.item(cluster).segment("dcos-attach")).body();
        String command = attach.path("setup_command").asText();
        Map<String, String> files = new LinkedHashMap<>();
        String caFile = attach.path("ca_file").asText(null);
        if (attach.hasNonNull("ca_certificate") && caFile != null) {
            files.put(caFile, attach.get("ca_certificate").asText());
        }
        List<String> login = new ArrayList<>();
        attach.path("login").forEach(step -> login.add(step.asText()));
        files.put(SCRIPT, script(command, login));
        Path directory = dir.toAbsolutePath().normalize();
        for (String name : files.keySet()) {
            if (!force && Files.exists(directory.resolve(name))) {
                throw new CommandError("File " + directory.resolve(name) + " exists, use --force to overwrite.");
            }
        }
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            directory.resolve(SCRIPT).toFile().setExecutable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory, e);
        }
        String absoluteCommand = caFile == null ? command
                : command.replace("--ca-certs=" + caFile, "--ca-certs=" + directory.resolve(caFile));
        if (context.output().format() == OutputFormat.json) {
            ObjectNode shown = ((ObjectNode) attach.deepCopy()).put("setup_command", absoluteCommand);
            com.fasterxml.jackson.databind.node.ArrayNode written = shown.putArray("files");
            files.keySet().forEach(name -> written.add(directory.resolve(name).toString()));
            context.output().json(shown);
            return 0;
        }
        context.output().line("DC/OS UI: " + attach.path("ui_url").asText());
        context.output().line("Attach the DC/OS CLI: " + absoluteCommand);
        login.forEach(step -> context.output().line("  " + step));
        files.keySet().forEach(name -> context.output().line("Wrote " + directory.resolve(name)));
        return 0;
    }

    /** The setup command as a script that runs where its CA file is. */
    private static String script(String command, List<String> login) {
        StringBuilder s = new StringBuilder("#!/bin/sh\n# Written by magnetar cluster-config: attaches the DC/OS CLI.\n");
        login.forEach(step -> s.append("# ").append(step).append('\n'));
        s.append("cd \"$(dirname \"$0\")\" || exit 1\n").append(command).append('\n');
        return s.toString();
    }
}
