package dev.magnetar.server.api.views;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.Set;

/** A collection response with Magnum's {@code next} link, present only when the page is full. */
public final class Paginated {

    private Paginated() {
    }

    public static PageRequest page(Context http, Set<String> sortable) {
        return dev.magnetar.core.service.Paging.request(Requests.intQuery(http, "limit"), http.queryParam("marker"),
                http.queryParam("sort_key"), http.queryParam("sort_dir"), sortable);
    }

    public static <T> ObjectNode collection(Context http, String key, String path, PageRequest page, List<T> items,
                                     Function<T, ObjectNode> view, Function<T, String> uuid) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray(key);
        items.forEach(item -> array.add(view.apply(item)));
        if (!items.isEmpty() && items.size() == page.limit()) {
            body.put("next", Requests.baseUrl(http) + path + "?sort_key=" + encode(page.sortKey())
                    + "&sort_dir=" + page.direction().name().toLowerCase(java.util.Locale.ROOT)
                    + "&limit=" + page.limit() + "&marker=" + uuid.apply(items.get(items.size() - 1)));
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
