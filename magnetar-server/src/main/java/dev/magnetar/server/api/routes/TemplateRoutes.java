package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.server.api.ApiServices;
import dev.magnetar.server.api.Requests;
import dev.magnetar.server.api.input.JsonPatch;
import dev.magnetar.server.api.views.Paginated;
import dev.magnetar.server.api.views.RenderedLists;
import dev.magnetar.server.api.views.TemplateJson;
import dev.magnetar.server.api.views.TemplateKind;
import dev.magnetar.server.api.views.VisibleLabels;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;

/** {@code /v1/clustertemplates} and {@code /v1/baymodels}. */
public final class TemplateRoutes {

    private final ApiServices services;
    private final TemplateKind kind;
    private final JsonPatch patch;
    private final RenderedLists lists;

    public TemplateRoutes(ApiServices services, TemplateKind kind, RenderedLists lists) {
        this.services = services;
        this.kind = kind;
        this.lists = lists;
        this.patch = new JsonPatch(TemplateJson.INTERNAL_PATHS, TemplateJson.mandatoryPaths(kind));
    }

    public void register(Javalin app, String prefix) {
        String base = prefix + "/" + kind.collection();
        app.get(base, http -> list(http, base));
        app.get(base + "/detail", http -> list(http, base + "/detail"));
        app.get(base + "/{ident}", this::show);
        app.post(base, this::create);
        app.patch(base + "/{ident}", this::update);
        app.delete(base + "/{ident}", this::delete);
    }

    /** Rendered once per template generation and caller's view; see {@link RenderedLists}. */
    private void list(Context http, String path) {
        PageRequest page = Paginated.page(http, ClusterTemplateRepository.SORT_KEYS);
        long generation = services.templates().generation();
        lists.respond(http, RenderedLists.Key.of(http, path), generation, () -> {
            List<ClusterTemplate> templates = services.templates().list(Requests.context(http), page);
            return Paginated.collection(http, kind.collection(), path, page, templates, t -> view(http, t),
                    ClusterTemplate::uuid);
        });
    }

    private void show(Context http) {
        http.json(view(http, services.templates().get(Requests.context(http), http.pathParam("ident"))));
    }

    private void create(Context http) {
        ClusterTemplate requested = TemplateJson.parseCreate(Requests.body(http), kind);
        ClusterTemplate created = services.templates().create(Requests.context(http), requested, kind.nameSuffix());
        http.status(201);
        http.header("Location", Requests.baseUrl(http) + "/v1/" + kind.collection() + "/" + created.uuid());
        http.json(view(http, created));
    }

    private void update(Context http) {
        var body = Requests.body(http);
        String baseUrl = Requests.baseUrl(http);
        ClusterTemplate updated = services.templates().update(Requests.context(http), http.pathParam("ident"),
                current -> TemplateJson.parsePatched(
                        patch.apply(body, TemplateJson.view(current, kind, baseUrl, null)), current, kind));
        http.json(view(http, updated));
    }

    private void delete(Context http) {
        services.templates().delete(Requests.context(http), http.pathParam("ident"));
        http.status(204);
    }

    private ObjectNode view(Context http, ClusterTemplate template) {
        ClusterDriver driver = services.drivers()
                .find(new DriverKey(template.serverType(), template.clusterDistro(), template.coe()))
                .orElse(null);
        return TemplateJson.view(VisibleLabels.template(services, Requests.context(http), template), kind,
                Requests.baseUrl(http), driver);
    }
}
