package dev.magnetar.server.api;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Assembles Magnum's v1 API on Javalin: request ids, microversion negotiation, authentication, the
 * resources under {@code /v1} (and unversioned, as Magnum routes them), and the error envelope on
 * every refusal. No input reaches a 500 except a genuine bug, which is logged with its request id.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final long MAX_BODY_BYTES = 1_048_576L;
    private static final Set<String> PUBLIC_PATHS = Set.of("/", "/v1", "/v1/", "/healthcheck", "/metrics");

    private ApiServer() {
    }

    /**
     * @param extraRoutes routes added by other parts of the service (metrics, simulation controls)
     */
    public static Javalin create(ApiServices services, RequestContexts auth, Consumer<Javalin> extraRoutes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        app.before(http -> begin(http, auth));
        new VersionRoutes().register(app);
        app.get("/healthcheck", http -> http.contentType("text/plain").result("OK"));
        RenderedLists templateLists = new RenderedLists();
        for (String prefix : new String[]{"/v1", ""}) {
            new TemplateRoutes(services, TemplateKind.CLUSTER_TEMPLATE, templateLists).register(app, prefix);
            new TemplateRoutes(services, TemplateKind.BAYMODEL, templateLists).register(app, prefix);
            new ClusterRoutes(services, ClusterKind.CLUSTER).register(app, prefix);
            new ClusterRoutes(services, ClusterKind.BAY).register(app, prefix);
            new AdminRoutes(services).register(app, prefix);
        }
        extraRoutes.accept(app);
        app.exception(MagnetarException.class, (e, http) -> error(http, e.kind().httpStatus(), e.getMessage()));
        app.exception(ApiVersion.Unacceptable.class, (e, http) -> {
            http.status(406);
            http.json(ErrorBodies.microversion(e.getMessage(), Requests.requestId(http)));
        });
        app.exception(HttpResponseException.class, (e, http) -> error(http, e.getStatus(), message(e)));
        app.exception(Exception.class, (e, http) -> {
            LOG.error("Request {} {} ({}) failed", http.method(), http.path(), Requests.requestId(http), e);
            error(http, 500, "The server has either erred or is incapable of performing the requested operation.");
        });
        app.error(404, http -> {
            if (http.result() == null || http.result().isEmpty() || !http.result().startsWith("{")) {
                error(http, 404, "The resource could not be found.");
            }
        });
        app.error(405, http -> error(http, 405, "The method is not allowed for the requested URL."));
        return app;
    }

    private static void begin(Context http, RequestContexts auth) {
        String requestId = requestId();
        http.attribute(Requests.REQUEST_ID, requestId);
        http.header("X-Openstack-Request-Id", requestId);
        http.header("OpenStack-API-Minimum-Version", ApiVersion.SERVICE + " " + ApiVersion.MIN);
        http.header("OpenStack-API-Maximum-Version", ApiVersion.SERVICE + " " + ApiVersion.MAX);
        http.header("Vary", ApiVersion.HEADER);
        ApiVersion version = ApiVersion.negotiate(http.header(ApiVersion.HEADER));
        http.attribute(Requests.VERSION, version);
        http.header(ApiVersion.HEADER, ApiVersion.SERVICE + " " + version);
        if (!PUBLIC_PATHS.contains(http.path())) {
            RequestContext context = auth.authenticate(http, requestId);
            http.attribute(Requests.CONTEXT, context);
        }
    }

    /**
     * {@code req-} and a version-4 UUID, as Magnum's request ids. An identifier, not a secret: drawn from
     * the thread's own generator, since {@code UUID.randomUUID()} has every request queue on one
     * SecureRandom.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;             // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return "req-" + new UUID(high, low);
    }

    private static void error(Context http, int status, String detail) {
        http.status(status);
        http.json(ErrorBodies.of(status, detail, Requests.requestId(http)));
    }

    private static String message(HttpResponseException e) {
        if (e.getStatus() == 413) {
            return "Request is larger than " + MAX_BODY_BYTES + " bytes.";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + e.getStatus() : e.getMessage();
    }
}
