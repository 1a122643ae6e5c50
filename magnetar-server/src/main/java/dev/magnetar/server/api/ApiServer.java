package dev.magnetar.server.api;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.server.api.auth.RequestContexts;
import dev.magnetar.server.api.routes.AdminRoutes;
import dev.magnetar.server.api.routes.CertificateRoutes;
import dev.magnetar.server.api.routes.ClusterEventRoutes;
import dev.magnetar.server.api.routes.ClusterRoutes;
import dev.magnetar.server.api.routes.NodeGroupRoutes;
import dev.magnetar.server.api.routes.SimulationRoutes;
import dev.magnetar.server.api.routes.TemplateRoutes;
import dev.magnetar.server.api.routes.VersionRoutes;
import dev.magnetar.server.api.views.ClusterKind;
import dev.magnetar.server.api.views.RenderedLists;
import dev.magnetar.server.api.views.TemplateKind;
import dev.magnetar.server.metrics.HttpMetrics;
import dev.magnetar.server.metrics.MetricsRoutes;
import dev.magnetar.sim.dcos.SimulatedDcos;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Assembles Magnum's v1 API on Javalin: request ids, microversion negotiation, authentication, the
 * resources under {@code /v1} (and unversioned, as Magnum routes them), the cluster events, the
 * simulated cloud's controls and {@code /metrics}, and the error envelope on every refusal: the whole
 * route table is in {@link #create}. No input reaches a 500 except a genuine bug, which is logged
 * with its request id.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final long MAX_BODY_BYTES = 1_048_576L;
    /** Request line plus headers, at most (Jetty's default, stated): more is a 414 or 431. */
    public static final int MAX_HEADER_BYTES = 8192;
    static final String REQUEST_ID_HEADER = "X-Openstack-Request-Id";
    private static final Set<String> PUBLIC_PATHS = Set.of("/", "/v1", "/v1/", "/healthcheck", "/metrics");

    private ApiServer() {
    }

    /**
     * What one request may hold of the server while its body arrives.
     *
     * @param bodyTimeout the longest a body may take to arrive, and the longest any read or write
     *                    of a request may wait for the client
     * @param bodyReaders requests receiving their bodies at once, at most
     */
    public record Limits(Duration bodyTimeout, int bodyReaders) {
    }

    /**
     * @param metrics    where request timings go, and what {@code /metrics} shows
     * @param simulation the simulated DC/OS whose faults the simulation routes control, where the cloud
     *                   is simulated
     */
    public static Javalin create(ApiServices services, RequestContexts auth, Limits limits,
                                 PrometheusMeterRegistry metrics, Optional<SimulatedDcos> simulation) {
        RequestBodies bodies = new RequestBodies(limits.bodyReaders(), limits.bodyTimeout());
        EnvelopeErrorHandler jettyErrors = new EnvelopeErrorHandler(MAX_HEADER_BYTES);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(limits.bodyTimeout().toMillis());
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
        });
        app.before(http -> begin(http, auth, bodies));
        new VersionRoutes().register(app);
        app.get("/healthcheck", http -> http.contentType("text/plain").result("OK"));
        RenderedLists templateLists = new RenderedLists();
        for (String prefix : new String[]{"/v1", ""}) {
            new TemplateRoutes(services, TemplateKind.CLUSTER_TEMPLATE, templateLists).register(app, prefix);
            new TemplateRoutes(services, TemplateKind.BAYMODEL, templateLists).register(app, prefix);
            new ClusterRoutes(services, ClusterKind.CLUSTER).register(app, prefix);
            new ClusterRoutes(services, ClusterKind.BAY).register(app, prefix);
            new NodeGroupRoutes(services).register(app, prefix);
            new AdminRoutes(services).register(app, prefix);
            new CertificateRoutes(services.certificates()).register(app, prefix);
        }
        simulation.ifPresent(dcos -> new SimulationRoutes(dcos).register(app));
        HttpMetrics.install(app, metrics);
        MetricsRoutes.register(app, metrics);
        new ClusterEventRoutes(services.clusters()).register(app);
        app.exception(MagnetarException.class, (e, http) -> error(http, e.kind().httpStatus(), e.getMessage()));
        app.exception(ApiVersion.Unacceptable.class, (e, http) -> {
            http.status(406);
            http.json(ErrorBodies.microversion(e.getMessage(), Requests.requestId(http)));
        });
        app.exception(MethodNotAllowedResponse.class, (e, http) -> {
            String allowed = String.join(", ", e.getDetails().values());
            http.header("Allow", allowed);
            error(http, 405, "The method " + http.method() + " is not allowed for this resource. Allowed: "
                    + allowed + ".");
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
        return app;
    }

    private static void begin(Context http, RequestContexts auth, RequestBodies bodies) {
        String requestId = newRequestId();
        http.attribute(Requests.REQUEST_ID, requestId);
        http.header(REQUEST_ID_HEADER, requestId);
        http.header("OpenStack-API-Minimum-Version", ApiVersion.SERVICE + " " + ApiVersion.MIN);
        http.header("OpenStack-API-Maximum-Version", ApiVersion.SERVICE + " " + ApiVersion.MAX);
        http.header("Vary", ApiVersion.HEADER);
        ApiVersion version = ApiVersion.negotiate(http.header(ApiVersion.HEADER));
        http.attribute(Requests.VERSION, version);
        http.header(ApiVersion.HEADER, ApiVersion.SERVICE + " " + version);
        requireDecodableQuery(http);
        bodies.receive(http);
        if (!PUBLIC_PATHS.contains(http.path())) {
            RequestContext context = auth.authenticate(http, requestId);
            http.attribute(Requests.CONTEXT, context);
        }
    }

    /** Javalin drops query parameters it cannot decode; a malformed one is refused instead of ignored. */
    private static void requireDecodableQuery(Context http) {
        String query = http.queryString();
        if (query == null) {
            return;
        }
        try {
            URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MagnetarException.invalid("The query string is malformed: a '%' must be followed by two hex digits.");
        }
    }

    /**
     * {@code req-} and a version-4 UUID, as Magnum's request ids. An identifier, not a secret: drawn from
     * the thread's own generator, since {@code UUID.randomUUID()} has every request queue on one
     * SecureRandom.
     */
    static String newRequestId() {
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
