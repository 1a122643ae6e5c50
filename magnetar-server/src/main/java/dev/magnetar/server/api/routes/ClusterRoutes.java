package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClientAttachment;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.service.ChangedFields;
import dev.magnetar.core.service.ClusterPreview;
import dev.magnetar.core.service.ClusterRequest;
import dev.magnetar.server.api.ApiServices;
import dev.magnetar.server.api.ApiVersion;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import dev.magnetar.server.api.input.FieldReader;
import dev.magnetar.server.api.input.JsonPatch;
import dev.magnetar.server.api.views.ClusterJson;
import dev.magnetar.server.api.views.ClusterKind;
import dev.magnetar.server.api.views.Paginated;
import dev.magnetar.server.api.views.VisibleLabels;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v1/clusters} and {@code /v1/bays}, with resize and the preview extension. */
public final class ClusterRoutes {

    private static final Set<String> RESIZE_FIELDS = Set.of("node_count", "nodes_to_remove", "nodegroup");
    private static final Set<String> UPGRADE_FIELDS = Set.of("cluster_template", "max_batch_size", "nodegroup");
    /**
     * The node groups every cluster has (Magnum 9+): an upgrade may name either, and upgrades the whole
     * cluster, masters first, as DC/OS requires. Pools beyond them arrive with the nodegroups API.
     */
    private static final List<String> DEFAULT_NODEGROUPS = List.of("default-master", "default-worker");

    private final ApiServices services;
    private final ClusterKind kind;
    private final JsonPatch patch;

    public ClusterRoutes(ApiServices services, ClusterKind kind) {
        this.services = services;
        this.kind = kind;
        this.patch = new JsonPatch(ClusterJson.INTERNAL_PATHS, ClusterJson.mandatoryPaths(kind));
    }

    public void register(Javalin app, String prefix) {
        String base = prefix + "/" + kind.collection();
        app.get(base, http -> list(http, base, false));
        app.get(base + "/detail", http -> list(http, base + "/detail", true));
        if (kind == ClusterKind.CLUSTER) {
            app.post(base + "/preview", this::preview);
            app.post(base + "/{ident}/actions/resize", this::resize);
            app.post(base + "/{ident}/actions/upgrade", this::upgrade);
            app.get(base + "/{ident}/dcos-attach", this::attach);
        }
        app.get(base + "/{ident}", this::show);
        app.post(base, this::create);
        app.patch(base + "/{ident}", this::update);
        app.delete(base + "/{ident}", this::delete);
    }

    private void list(Context http, String path, boolean detail) {
        PageRequest page = Paginated.page(http, ClusterRepository.SORT_KEYS);
        List<Cluster> clusters = services.clusters().list(Requests.context(http), page);
        String baseUrl = Requests.baseUrl(http);
        RequestContext caller = Requests.context(http);
        http.json(Paginated.collection(http, kind.collection(), path, page, clusters,
                c -> detail ? full(caller, c, baseUrl)
                        : ClusterJson.summary(VisibleLabels.clusterSummary(services, caller, c), kind, baseUrl),
                Cluster::uuid));
    }

    private void show(Context http) {
        Cluster cluster = services.clusters().get(Requests.context(http), http.pathParam("ident"));
        http.json(full(Requests.context(http), cluster, Requests.baseUrl(http)));
    }

    private void create(Context http) {
        ApiVersion version = Requests.version(http);
        ClusterRequest request = ClusterJson.parseCreate(Requests.body(http), kind, version);
        Cluster created = services.clusters().create(Requests.context(http), request, kind.nameSuffix());
        if (kind == ClusterKind.BAY && !version.atLeast(ApiVersion.ASYNC_BAYS)) {
            http.status(201);
            http.header("Location", Requests.baseUrl(http) + "/v1/bays/" + created.uuid());
            http.json(full(Requests.context(http), created, Requests.baseUrl(http)));
        } else {
            http.status(202);
            http.json(Map.of("uuid", created.uuid()));
        }
    }

    private void update(Context http) {
        ApiVersion version = Requests.version(http);
        Cluster current = services.clusters().get(Requests.context(http), http.pathParam("ident"));
        ObjectNode before = full(Requests.context(http), current, Requests.baseUrl(http));
        ObjectNode after = patch.apply(Requests.body(http), before);
        Set<String> changed = changedFields(before, after);
        boolean labelsChanged = changed.remove("labels");
        boolean nodesChanged = changed.remove("node_count");
        if (!changed.isEmpty()) {
            throw MagnetarException.invalid("cannot change cluster property(ies) " + String.join(", ", changed) + ".");
        }
        if (labelsChanged) {
            if (nodesChanged) {
                throw MagnetarException.invalid("labels and node_count cannot change in one request: labels are "
                        + "applied to the running cluster, node_count by a stack update.");
            }
            Map<String, String> labels = FieldReader.of(after.retain("labels"), kind.argument(), Set.of("labels"))
                    .labels("labels");
            Cluster relabelled = services.clusters().updateLabels(Requests.context(http), current.uuid(),
                    labels == null ? Map.of() : labels);
            if (kind == ClusterKind.BAY && !version.atLeast(ApiVersion.ASYNC_BAYS)) {
                http.json(full(Requests.context(http), relabelled, Requests.baseUrl(http)));
            } else {
                http.status(202);
                http.json(Map.of("uuid", relabelled.uuid()));
            }
            return;
        }
        int minNodes = version.atLeast(ApiVersion.ZERO_NODES) ? 0 : 1;
        Integer nodeCount = FieldReader.of(after.retain("node_count"), kind.argument(), Set.of("node_count"))
                .integer("node_count", minNodes, 10_000);
        if (nodeCount == null) {
            throw FieldReader.missing("node_count");
        }
        boolean rollback = version.atLeast(ApiVersion.ROLLBACK) && Requests.boolQuery(http, "rollback");
        Cluster updated = services.clusters().resize(Requests.context(http), current.uuid(), nodeCount, List.of(),
                rollback);
        if (kind == ClusterKind.BAY && !version.atLeast(ApiVersion.ASYNC_BAYS)) {
            http.json(full(Requests.context(http), updated, Requests.baseUrl(http)));
        } else {
            http.status(202);
            http.json(Map.of("uuid", updated.uuid()));
        }
    }

    private void resize(Context http) {
        ApiVersion version = Requests.version(http);
        if (!version.atLeast(ApiVersion.RESIZE)) {
            throw new ApiVersion.Unacceptable("Version " + version
                    + " was requested but the requested API resize is not supported for this version.");
        }
        FieldReader in = FieldReader.of(Requests.body(http), "resize", RESIZE_FIELDS);
        int minNodes = version.atLeast(ApiVersion.ZERO_NODES) ? 0 : 1;
        Integer nodeCount = in.integer("node_count", minNodes, 10_000);
        if (nodeCount == null) {
            throw FieldReader.missing("node_count");
        }
        String nodegroup = in.string("nodegroup", 255);
        List<String> toRemove = in.stringList("nodes_to_remove");
        // Without nodegroup the default workers are resized, as in Magnum; a name or uuid picks a group.
        Cluster updated = nodegroup == null
                ? services.clusters().resize(Requests.context(http), http.pathParam("ident"), nodeCount,
                        toRemove == null ? List.of() : toRemove, false)
                : services.nodeGroups().resize(Requests.context(http), http.pathParam("ident"), nodegroup, nodeCount,
                        toRemove == null ? List.of() : toRemove, false);
        http.status(202);
        http.json(Map.of("uuid", updated.uuid()));
    }

    /**
     * Magnum's upgrade action (microversion 1.8): {@code {cluster_template, max_batch_size, nodegroup}},
     * 202 with the cluster's uuid. The checks of the move itself are the service's and the driver's.
     */
    private void upgrade(Context http) {
        ApiVersion version = Requests.version(http);
        if (!version.atLeast(ApiVersion.UPGRADE)) {
            throw new ApiVersion.Unacceptable("Version " + version
                    + " was requested but the requested API upgrade is not supported for this version.");
        }
        FieldReader in = FieldReader.of(Requests.body(http), "upgrade", UPGRADE_FIELDS);
        String template = in.mandatoryString("cluster_template", 255);
        Integer maxBatchSize = in.integer("max_batch_size", 1, 10_000);
        String nodegroup = in.string("nodegroup", 255);
        if (nodegroup != null && !DEFAULT_NODEGROUPS.contains(nodegroup)) {
            throw FieldReader.invalid("nodegroup", nodegroup, "A cluster is upgraded as a whole, masters first: "
                    + "name one of its default node groups (" + String.join(", ", DEFAULT_NODEGROUPS)
                    + ") or none");
        }
        Cluster upgraded = services.clusters().upgrade(Requests.context(http), http.pathParam("ident"), template,
                maxBatchSize == null ? 1 : maxBatchSize);
        http.status(202);
        http.json(Map.of("uuid", upgraded.uuid()));
    }

    /**
     * Magnetar's extension {@code GET /v1/clusters/{ident}/dcos-attach}: what the DC/OS CLI and UI need
     * (docs/dcos-driver.md, "Using your cluster"). A separate resource, so Magnum's cluster body and
     * its clients are unchanged.
     */
    private void attach(Context http) {
        ClientAttachment attachment = services.clusters().attachment(Requests.context(http), http.pathParam("ident"));
        ObjectNode body = Json.object();
        body.put("dcos_url", attachment.url());
        body.put("ui_url", attachment.uiUrl());
        body.put("ca_certificate", attachment.caCertificate());
        body.put("ca_file", attachment.caFileName());
        body.put("setup_command", attachment.setupCommand());
        attachment.login().forEach(body.putArray("login")::add);
        http.json(body);
    }

    private void delete(Context http) {
        services.clusters().delete(Requests.context(http), http.pathParam("ident"));
        http.status(204);
    }

    private void preview(Context http) {
        ClusterRequest request = ClusterJson.parseCreate(Requests.body(http), kind, Requests.version(http));
        ClusterPreview preview = services.clusters().preview(Requests.context(http), request);
        ObjectNode body = Json.object();
        body.put("stack_name", preview.stackName());
        ObjectNode stack = body.putObject("stack");
        stack.put("template", preview.stack().template());
        stack.set("files", Json.map(preview.stack().files()));
        stack.put("environment", preview.stack().environment());
        stack.set("parameters", Json.MAPPER.valueToTree(preview.stack().parameters()));
        ObjectNode nodes = body.putObject("nodes");
        preview.nodeFiles().forEach((role, files) -> nodes.set(role, Json.map(files)));
        http.json(body);
    }

    private ObjectNode full(RequestContext caller, Cluster cluster, String baseUrl) {
        ClusterTemplate template = VisibleLabels.templateOrNull(services, cluster);
        return ClusterJson.full(cluster, VisibleLabels.cluster(services, caller, cluster, template), kind, baseUrl);
    }

    private static Set<String> changedFields(ObjectNode before, ObjectNode after) {
        return ChangedFields.between(Json.MAPPER.convertValue(before, FIELDS), Json.MAPPER.convertValue(after, FIELDS));
    }

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() { };
}
