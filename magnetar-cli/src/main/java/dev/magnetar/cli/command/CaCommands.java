package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.error.CommandError;
import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The legacy {@code magnum} shell's {@code ca-show}, {@code ca-sign} and {@code ca-rotate} over
 * {@code /v1/certificates}. The cluster is given as a name or uuid; sign and rotate send its uuid, as
 * Magnum's API wants. What the server answers for each driver is docs/design/0007-cluster-certificates.md.
 */
public final class CaCommands {

    private CaCommands() {
    }

    /** The cluster named by position, {@code --cluster} or the deprecated {@code --bay}. */
    static String cluster(String positional, String option, String bay) {
        String cluster = positional != null ? positional : option != null ? option : bay;
        if (cluster == null) {
            throw new CommandError("Give the cluster: ca-... <cluster> or --cluster <cluster>");
        }
        return cluster;
    }

    static String uuidOf(CliContext context, String cluster) {
        return context.client().get(ResourceType.CLUSTER.item(cluster)).body().path("uuid").asText();
    }

    /** {@code ca-show}: the PEM of the CA a client trusts to reach the cluster. */
    @Command
    public static final class Show implements Callable<Integer> {

        private final CliContext context;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<cluster>", description = "Name or uuid of the cluster.")
        String positional;
        @Option(names = "--cluster", description = "Name or uuid of the cluster.")
        String cluster;
        @Option(names = "--bay", description = "Name or uuid of the bay (deprecated, use --cluster).")
        String bay;

        public Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String ident = cluster(positional, cluster, bay);
            context.output().line(context.client().get(ApiPath.v1("certificates", ident)).body().path("pem").asText());
            return 0;
        }
    }

    /** {@code ca-sign --csr <file> --cluster <cluster>}: the certificate the cluster's CA signs for a CSR. */
    @Command
    public static final class Sign implements Callable<Integer> {

        private final CliContext context;

        @Option(names = "--csr", required = true, paramLabel = "<file>", description = "File of the CSR (PEM).")
        Path csr;
        @Option(names = "--cluster", description = "Name or uuid of the cluster.")
        String cluster;
        @Option(names = "--bay", description = "Name or uuid of the bay (deprecated, use --cluster).")
        String bay;

        public Sign(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(csr);
            } catch (IOException e) {
                throw new CommandError("Cannot read the CSR file " + csr + ": " + e.getMessage());
            }
            ObjectNode body = context.json().createObjectNode();
            body.put("cluster_uuid", uuidOf(context, cluster(null, cluster, bay)));
            body.put("csr", text);
            context.output().line(context.client().post(ApiPath.v1("certificates"), body).body().path("pem").asText());
            return 0;
        }
    }

    /** {@code ca-rotate --cluster <cluster>}: replaces the cluster's CA (microversion 1.5 and later). */
    @Command
    public static final class Rotate implements Callable<Integer> {

        private final CliContext context;

        @Option(names = "--cluster", required = true, description = "Name or uuid of the cluster.")
        String cluster;

        public Rotate(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.client().patch(ApiPath.v1("certificates", uuidOf(context, cluster)), null);
            context.output().line("Request to rotate the CA of cluster " + cluster + " has been accepted.");
            return 0;
        }
    }
}
