package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** The node and master counts, discovery URL and create timeout that {@code bay-create} and {@code cluster-create} share. */
public final class SizeOptions {

    @Option(names = "--node-count", paramLabel = "<node-count>", defaultValue = "1",
            description = "Number of agent nodes (default: ${DEFAULT-VALUE}).")
    int nodeCount;

    @Option(names = "--master-count", paramLabel = "<master-count>", defaultValue = "1",
            description = "Number of masters (default: ${DEFAULT-VALUE}).")
    int masterCount;

    @Option(names = "--discovery-url", paramLabel = "<discovery-url>", description = "etcd discovery URL.")
    String discoveryUrl;

    @Option(names = "--timeout", paramLabel = "<timeout>", defaultValue = "60",
            description = "Minutes to wait for the stack to be created (default: ${DEFAULT-VALUE}).")
    int timeout;

    /** Puts the counts and discovery URL, and the timeout under {@code timeoutField} (the bay and cluster names differ). */
    void putInto(ObjectNode body, String timeoutField) {
        body.put("node_count", nodeCount);
        body.put("master_count", masterCount);
        TemplateOptions.putIfSet(body, "discovery_url", discoveryUrl);
        body.put(timeoutField, timeout);
    }
}
