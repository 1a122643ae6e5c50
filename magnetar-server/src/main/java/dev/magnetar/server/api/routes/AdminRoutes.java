package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.model.Quota;
import dev.magnetar.core.port.ClusterRepository.ClusterStats;
import dev.magnetar.core.service.ConductorService;
import dev.magnetar.server.api.ApiServices;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import dev.magnetar.server.api.input.FieldReader;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Set;

/** {@code /v1/mservices}, {@code /v1/stats} and {@code /v1/quotas}. */
public final class AdminRoutes {

    private static final Set<String> QUOTA_FIELDS = Set.of("project_id", "resource", "hard_limit", "id",
            "created_at", "updated_at");

    /** The binary Magnum's v1 API names for a conductor (MagnumServiceBinary). */
    static final String MAGNUM_CONDUCTOR = "magnum-conductor";

    private final ApiServices services;

    public AdminRoutes(ApiServices services) {
        this.services = services;
    }

    public void register(Javalin app, String prefix) {
        app.get(prefix + "/mservices", this::services);
        app.get(prefix + "/stats", this::stats);
        app.get(prefix + "/quotas", this::listQuotas);
        app.post(prefix + "/quotas", this::createQuota);
        app.get(prefix + "/quotas/{project}/{resource}", this::showQuota);
        app.patch(prefix + "/quotas/{project}/{resource}", this::updateQuota);
        app.delete(prefix + "/quotas/{project}/{resource}", this::deleteQuota);
    }

    private void services(Context http) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("mservices");
        for (ConductorService.ServiceView view : services.conductors().list(Requests.context(http))) {
            ObjectNode o = list.addObject();
            o.put("id", view.record().id());
            o.put("host", view.record().host());
            // Magnum's clients and tests know the conductor as magnum-conductor; our own name is the
            // magnetar_binary extension (docs/clients.md).
            o.put("binary", MAGNUM_CONDUCTOR);
            o.put("magnetar_binary", view.record().binary());
            o.put("state", view.state());
            o.put("disabled", view.record().disabled());
            o.put("disabled_reason", view.record().disabledReason());
            o.put("last_seen_up", Json.timestamp(view.record().lastSeenUp()));
            o.put("forced_down", view.record().forcedDown());
            o.put("report_count", view.record().reportCount());
            o.put("created_at", Json.timestamp(view.record().createdAt()));
            o.put("updated_at", Json.timestamp(view.record().updatedAt()));
        }
        http.json(body);
    }

    private void stats(Context http) {
        ClusterStats stats = services.stats().stats(Requests.context(http), http.queryParam("project_id"),
                http.queryParam("type"));
        ObjectNode body = Json.object();
        body.put("clusters", stats.clusters());
        body.put("nodes", stats.nodes());
        http.json(body);
    }

    private void listQuotas(Context http) {
        Integer limit = Requests.intQuery(http, "limit");
        if (limit != null && limit <= 0) {
            throw dev.magnetar.core.error.MagnetarException.invalid("Limit must be positive");
        }
        String marker = http.queryParam("marker");
        Long markerId;
        try {
            markerId = marker == null ? null : Long.parseLong(marker);
        } catch (NumberFormatException e) {
            throw FieldReader.invalid("marker", marker, "Wrong type. Expected 'integer', got 'string'");
        }
        int effective = limit == null ? 1000 : Math.min(limit, 1000);
        List<Quota> quotas = services.quotas().list(Requests.context(http), Requests.boolQuery(http, "all_tenants"),
                effective, markerId);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("quotas");
        quotas.forEach(q -> list.add(view(q)));
        if (!quotas.isEmpty() && quotas.size() == effective) {
            body.put("next", Requests.baseUrl(http) + "/v1/quotas?limit=" + effective + "&marker="
                    + quotas.get(quotas.size() - 1).id());
        }
        http.json(body);
    }

    private void createQuota(Context http) {
        FieldReader in = FieldReader.of(Requests.body(http), "quota", QUOTA_FIELDS);
        String resource = in.string("resource", 255);
        Integer limit = in.integer("hard_limit", 1, Integer.MAX_VALUE);
        Quota quota = services.quotas().create(Requests.context(http), in.string("project_id", 255),
                resource == null ? "Cluster" : resource, limit == null ? 1 : limit);
        http.status(201);
        http.json(view(quota));
    }

    private void showQuota(Context http) {
        http.json(view(services.quotas().get(Requests.context(http), http.pathParam("project"),
                http.pathParam("resource"))));
    }

    private void updateQuota(Context http) {
        FieldReader in = FieldReader.of(Requests.body(http), "quota", QUOTA_FIELDS);
        Integer limit = in.integer("hard_limit", 1, Integer.MAX_VALUE);
        Quota quota = services.quotas().update(Requests.context(http), http.pathParam("project"),
                http.pathParam("resource"), limit == null ? 1 : limit);
        http.status(202);
        http.json(view(quota));
    }

    private void deleteQuota(Context http) {
        services.quotas().delete(Requests.context(http), http.pathParam("project"), http.pathParam("resource"));
        http.status(204);
    }

    private static ObjectNode view(Quota q) {
        ObjectNode o = Json.object();
        o.put("id", q.id());
        o.put("project_id", q.projectId());
        o.put("resource", q.resource());
        o.put("hard_limit", q.hardLimit());
        o.put("created_at", Json.timestamp(q.createdAt()));
        o.put("updated_at", Json.timestamp(q.updatedAt()));
        return o;
    }
}
