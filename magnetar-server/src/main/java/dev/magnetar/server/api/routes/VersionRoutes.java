package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.server.api.ApiVersion;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;

/** The public documents: {@code /} lists API versions, {@code /v1} the collections. */
public final class VersionRoutes {

    private static final List<String> COLLECTIONS = List.of("baymodels", "bays", "clustertemplates", "clusters",
            "quotas", "certificates", "mservices", "stats");

    public void register(Javalin app) {
        app.get("/", this::root);
        app.get("/v1", this::v1);
    }

    private void root(Context http) {
        String base = Requests.baseUrl(http);
        ObjectNode body = Json.object();
        body.put("name", "OpenStack Magnum API");
        body.put("description", "Magnetar: container infrastructure management for OpenStack, speaking Magnum's API.");
        ArrayNode versions = body.putArray("versions");
        ObjectNode v1 = versions.addObject();
        v1.put("id", "v1");
        v1.put("status", "CURRENT");
        v1.put("min_version", ApiVersion.MIN.toString());
        v1.put("max_version", ApiVersion.MAX.toString());
        v1.putArray("links").addObject().put("href", base + "/v1/").put("rel", "self");
        http.json(body);
    }

    private void v1(Context http) {
        String base = Requests.baseUrl(http);
        ObjectNode body = Json.object();
        body.put("id", "v1");
        ArrayNode media = body.putArray("media_types");
        media.addObject().put("base", "application/json").put("type", "application/vnd.openstack.magnum.v1+json");
        ArrayNode links = body.putArray("links");
        links.addObject().put("href", base + "/v1/").put("rel", "self");
        links.addObject().put("href", "http://docs.openstack.org/developer/magnum/dev/api-spec-v1.html")
                .put("rel", "describedby").put("type", "text/html");
        for (String collection : COLLECTIONS) {
            ArrayNode own = body.putArray(collection);
            own.addObject().put("href", base + "/v1/" + collection + "/").put("rel", "self");
            own.addObject().put("href", base + "/" + collection + "/").put("rel", "bookmark");
        }
        http.json(body);
    }
}
