package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.http.ApiPath;
import dev.magnetar.cli.preview.PreviewWriter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --dry-run} and {@code --output-dir} on {@code bay-create} and {@code cluster-create}: instead
 * of creating anything, show what the driver would deploy, as Magnetar's
 * {@code POST /v1/clusters/preview} renders it from the same request body.
 */
public final class PreviewOptions {

    /** Magnetar's extension to Magnum's API. */
    static final ApiPath PREVIEW = ApiPath.v1("clusters", "preview");

    @Option(names = "--dry-run", description = "Print the Heat stack and node files the driver would deploy; create nothing.")
    boolean dryRun;

    @Option(names = "--output-dir", paramLabel = "<dir>",
            description = "Like --dry-run, but write template.yaml, environment.yaml, parameters.json, files/ "
                    + "and one folder per node role into <dir>.")
    Path outputDir;

    boolean requested() {
        return dryRun || outputDir != null;
    }

    /** Sends the cluster body to the preview endpoint and prints or writes the result. */
    int preview(CliContext context, JsonNode clusterBody) {
        JsonNode preview = context.client().post(PREVIEW, clusterBody).body();
        if (outputDir == null) {
            context.output().json(preview);
            return 0;
        }
        List<Path> written = new PreviewWriter(context.json()).write(preview, outputDir);
        context.output().line("Wrote " + written.size() + " files to " + outputDir + ":");
        written.forEach(file -> context.output().line("  " + file));
        return 0;
    }
}
