package dev.magnetar.cli.command;

import dev.magnetar.cli.http.ApiPath;
import picocli.CommandLine.Option;

/** The paging options every Magnum list command takes, sent in python-magnumclient's order. */
public final class PageOptions {

    @Option(names = "--limit", paramLabel = "<limit>", description = "Maximum number of items to return.")
    Integer limit;

    @Option(names = "--marker", paramLabel = "<marker>", description = "The last item of the previous page (uuid).")
    String marker;

    @Option(names = "--sort-key", paramLabel = "<sort-key>", description = "Column to sort results by.")
    String sortKey;

    @Option(names = "--sort-dir", paramLabel = "<sort-dir>", description = "Direction to sort: asc or desc.")
    String sortDir;

    ApiPath apply(ApiPath path) {
        return path.query("limit", limit != null && limit > 0 ? limit : null)
                .query("marker", marker)
                .query("sort_key", sortKey)
                .query("sort_dir", sortDir);
    }

    Integer limit() {
        return limit;
    }
}
