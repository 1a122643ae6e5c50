package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.service.ClusterService;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Magnetar's extension {@code GET /v1/clusters/{ident}/events}: a cluster's history, oldest first,
 * visible to whoever may see the cluster (another project's cluster is not found). {@code limit}
 * (default and maximum 1000) keeps the newest events.
 */
public final class ClusterEventRoutes {

    static final int MAX_EVENTS = 1000;

    private final ClusterService clusters;

    public ClusterEventRoutes(ClusterService clusters) {
        this.clusters = clusters;
    }

    public void register(Javalin app) {
        for (String prefix : new String[]{"/v1", ""}) {
            app.get(prefix + "/clusters/{ident}/events", this::list);
        }
    }

    private void list(Context http) {
        Integer limit = Requests.intQuery(http, "limit");
        if (limit != null && limit <= 0) {
            throw MagnetarException.invalid("Limit must be positive");
        }
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("events");
        for (ClusterEvent event : clusters.events(Requests.context(http), http.pathParam("ident"),
                limit == null ? MAX_EVENTS : Math.min(limit, MAX_EVENTS))) {
            ObjectNode o = events.addObject();
            o.put("time", Json.timestamp(event.time()));
            o.put("kind", event.kind().wireName());
            o.put("actor", event.actor());
            o.put("reason", event.reason());
            o.put("status", event.status() == null ? null : event.status().name());
            o.put("health_status", event.healthStatus() == null ? null : event.healthStatus().name());
        }
        http.json(body);
    }
}
