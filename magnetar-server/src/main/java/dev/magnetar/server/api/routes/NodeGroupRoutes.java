package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.service.NodeGroupService;
import dev.magnetar.server.api.ApiServices;
import dev.magnetar.server.api.ApiVersion;
import dev.magnetar.server.api.Requests;
import dev.magnetar.server.api.input.FieldReader;
import dev.magnetar.server.api.input.JsonPatch;
import dev.magnetar.server.api.views.NodeGroupJson;
import dev.magnetar.server.api.views.Paginated;
import dev.magnetar.server.api.views.VisibleLabels;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Set;

/**
 * {@code /v1/clusters/{cluster}/nodegroups} (Magnum's API 1.9): list (with {@code role} and paging), show
 * by uuid or name, create, PATCH of the bounds, delete of an added group.
 */
public final class NodeGroupRoutes {

    private final ApiServices services;
    private final JsonPatch patch = new JsonPatch(NodeGroupJson.INTERNAL_PATHS, Set.of());

    public NodeGroupRoutes(ApiServices services) {
        this.services = services;
    }

    public void register(Javalin app, String prefix) {
        String base = prefix + "/clusters/{cluster}/nodegroups";
        app.get(base, http -> list(http, false));
        app.get(base + "/detail", http -> list(http, true));
        app.get(base + "/{nodegroup}", this::show);
        app.post(base, this::create);
        app.patch(base + "/{nodegroup}", this::update);
        app.delete(base + "/{nodegroup}", this::delete);
    }

    /** Magnum gates every nodegroup call at 1.9, answering an older version with its 406. */
    private static void requireVersion(Context http) {
        ApiVersion version = Requests.version(http);
        if (!version.atLeast(ApiVersion.NODEGROUPS)) {
            throw new ApiVersion.Unacceptable("Version " + version
                    + " was requested but the requested API nodegroups is not supported for this version.");
        }
    }

    private void list(Context http, boolean detail) {
        requireVersion(http);
        RequestContext caller = Requests.context(http);
        PageRequest page = Paginated.page(http, NodeGroupService.SORT_KEYS);
        NodeGroupService.Groups groups = services.nodeGroups().list(caller, http.pathParam("cluster"),
                http.queryParam("role"));
        List<NodeGroup> shown = NodeGroupService.page(groups, page);
        String path = "/v1/clusters/" + http.pathParam("cluster") + "/nodegroups" + (detail ? "/detail" : "");
        http.json(Paginated.collection(http, "nodegroups", path, page, shown, g -> {
            ObjectNode full = full(caller, groups, g, Requests.baseUrl(http));
            return detail ? full : NodeGroupJson.summary(full);
        }, NodeGroup::uuid));
    }

    private void show(Context http) {
        requireVersion(http);
        RequestContext caller = Requests.context(http);
        NodeGroupService.Groups groups = services.nodeGroups().list(caller, http.pathParam("cluster"), null);
        NodeGroup group = services.nodeGroups().get(caller, groups.cluster().uuid(), http.pathParam("nodegroup"));
        http.json(full(caller, groups, group, Requests.baseUrl(http)));
    }

    private void create(Context http) {
        requireVersion(http);
        RequestContext caller = Requests.context(http);
        NodeGroup created = services.nodeGroups().create(caller, http.pathParam("cluster"),
                NodeGroupJson.parseCreate(Requests.body(http)));
        NodeGroupService.Groups groups = services.nodeGroups().list(caller, http.pathParam("cluster"), null);
        http.status(202);
        http.json(full(caller, groups, created, Requests.baseUrl(http)));
    }

    private void update(Context http) {
        requireVersion(http);
        RequestContext caller = Requests.context(http);
        NodeGroupService.Groups groups = services.nodeGroups().list(caller, http.pathParam("cluster"), null);
        NodeGroup current = services.nodeGroups().get(caller, groups.cluster().uuid(), http.pathParam("nodegroup"));
        ObjectNode before = full(caller, groups, current, Requests.baseUrl(http));
        ObjectNode after = patch.apply(Requests.body(http), before);
        FieldReader bounds = FieldReader.of(after.deepCopy().retain("min_node_count", "max_node_count"), "nodegroup",
                Set.of("min_node_count", "max_node_count"));
        Integer min = bounds.integer("min_node_count", 0, 10_000);
        Integer max = bounds.integer("max_node_count", 0, 10_000);
        NodeGroup updated = services.nodeGroups().updateBounds(caller, groups.cluster().uuid(), current.uuid(),
                min == null ? 0 : min, max);
        NodeGroupService.Groups now = services.nodeGroups().list(caller, groups.cluster().uuid(), null);
        http.status(202);
        http.json(full(caller, now, updated, Requests.baseUrl(http)));
    }

    private void delete(Context http) {
        requireVersion(http);
        services.nodeGroups().delete(Requests.context(http), http.pathParam("cluster"), http.pathParam("nodegroup"));
        http.status(204);
    }

    private ObjectNode full(RequestContext caller, NodeGroupService.Groups groups, NodeGroup group, String baseUrl) {
        return NodeGroupJson.full(groups, group, VisibleLabels.nodeGroup(services, caller, groups, group.labels()),
                VisibleLabels.nodeGroup(services, caller, groups, groups.cluster().spec().labels()), baseUrl);
    }
}
