package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.http.ApiPath;
import dev.magnetar.cli.http.MagnumClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a collection. Without a limit it takes the one page the server gives; with one it follows
 * the {@code next} links until it has that many items, since the server caps a page at its own
 * maximum.
 */
final class Pages {

    private Pages() {
    }

    static List<JsonNode> fetch(MagnumClient client, ApiPath first, String listKey, Integer limit) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = client.get(first).body();
        while (true) {
            for (JsonNode item : page.path(listKey)) {
                if (limit != null && limit > 0 && items.size() >= limit) {
                    return items;
                }
                items.add(item);
            }
            boolean wantMore = limit != null && limit > 0 && items.size() < limit;
            if (!wantMore || !page.path("next").isTextual()) {
                return items;
            }
            page = client.getLink(page.path("next").asText()).body();
        }
    }
}
