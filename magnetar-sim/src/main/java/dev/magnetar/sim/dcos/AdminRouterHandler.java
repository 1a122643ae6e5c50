package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * Admin Router of every simulated cluster: routes {@code /c/<id>/<path>} to the cluster's answer for {@code
 * <path>} (docs/reference/dcos-facts.md#admin-router-routes), after its response delay and, with oauth, its token
 * check (#logging-in-as-a-service-account there). The cluster's CA certificate ({@value #CA_CERTIFICATE}) needs
 * no token, as on a real master.
 */
final class AdminRouterHandler implements HttpHandler {

    static final String PREFIX = "/c/";
    static final String LOGIN = "/acs/api/v1/auth/login";
    static final String CA_CERTIFICATE = "/ca/dcos-ca.crt";

    private static final int MAX_LOGIN_BYTES = 16 * 1024;
    private static final int MAX_COSMOS_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BAD_GATEWAY = ("<html><head><title>502 Bad Gateway</title></head><body>"
            + "<center><h1>502 Bad Gateway</h1></center></body></html>").getBytes(StandardCharsets.UTF_8);

    private final Map<String, SimCluster> clusters;
    private final SessionTokens tokens;
    private final InstantSource clock;
    private final byte[] caCertificate;

    AdminRouterHandler(Map<String, SimCluster> clusters, SessionTokens tokens, InstantSource clock,
                       String caCertificatePem) {
        this.clusters = clusters;
        this.tokens = tokens;
        this.clock = clock;
        this.caCertificate = caCertificatePem.getBytes(StandardCharsets.US_ASCII);
    }

    /** What to send back. */
    private record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        static Answer json(int status, byte[] body) {
            return new Answer(status, "application/json", body, Map.of());
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Answer answer;
            try {
                answer = answer(exchange);
            } catch (RuntimeException e) {
                answer = Answer.json(500, DcosBodies.error("Internal Server Error", String.valueOf(e), "ERR_SIM"));
            }
            if (answer == null) {
                return;
            }
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } finally {
            exchange.close();
        }
    }

    /** The answer, or null when the server is shutting down mid-delay. */
    private Answer answer(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        SimCluster cluster = clusters.get(id);
        if (cluster == null) {
            return Answer.json(404, DcosBodies.error("Not Found", "no simulated cluster '" + id + "'", "ERR_SIM"));
        }
        Duration delay = cluster.faults().responseDelay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        String method = exchange.getRequestMethod();
        if (path.equals(LOGIN)) {
            return "POST".equals(method) ? login(cluster, exchange.getRequestBody()) : methodNotAllowed();
        }
        if (path.equals(CA_CERTIFICATE)) {
            return "GET".equals(method) ? new Answer(200, "application/x-x509-ca-cert", caCertificate, Map.of())
                    : methodNotAllowed();
        }
        if (cluster.spec.oauthEnabled() && !authorized(cluster, exchange)) {
            return new Answer(401, "application/json", DcosBodies.error("Unauthorized",
                    "a valid authentication token is required", "ERR_MISSING_AUTH_TOKEN"),
                    Map.of("WWW-Authenticate", "acsjwt"));
        }
        if (SimulatedCosmos.serves(path)) {
            SimulatedCosmos.Answer cosmos = SimulatedCosmos.handle(cluster, path, method,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"), exchange.getRequestBody().readNBytes(MAX_COSMOS_BYTES));
            return new Answer(cosmos.status(), cosmos.contentType(), cosmos.body(), Map.of());
        }
        if (!"GET".equals(method)) {
            return methodNotAllowed();
        }
        return switch (path) {
            case "/mesos/metrics/snapshot" -> Answer.json(200, DcosBodies.metricsSnapshot(cluster));
            case "/mesos/master/slaves" -> Answer.json(200, DcosBodies.agents(cluster));
            case "/system/health/v1/nodes" -> Answer.json(200, DcosBodies.nodes(cluster));
            case "/system/health/v1/units" -> Answer.json(200, DcosBodies.units(cluster));
            case "/system/health/v1" -> Answer.json(200, DcosBodies.masterNode(cluster));
            case "/marathon/v2/info", "/service/marathon/v2/info" -> cluster.faults().marathonDown()
                    ? new Answer(502, "text/html", BAD_GATEWAY, Map.of())
                    : Answer.json(200, DcosBodies.marathonInfo(cluster));
            case "/exhibitor/exhibitor/v1/cluster/status" -> Answer.json(200, DcosBodies.exhibitorStatus(cluster));
            default -> Answer.json(404, DcosBodies.error("Not Found", path + " is not simulated", "ERR_SIM"));
        };
    }

    /** The IAM's login: {@code {"uid", "token"}} with an RS256 JWT signed by the account's key. */
    private Answer login(SimCluster cluster, InputStream request) throws IOException {
        if (!cluster.spec.oauthEnabled()) {
            return Answer.json(404, DcosBodies.error("Not Found", "oauth is disabled on this cluster", "ERR_SIM"));
        }
        byte[] raw = request.readNBytes(MAX_LOGIN_BYTES + 1);
        if (raw.length > MAX_LOGIN_BYTES) {
            return Answer.json(400, DcosBodies.error("Bad Request", "login request too large", "ERR_INVALID_DATA"));
        }
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            return Answer.json(400, DcosBodies.error("Bad Request", "login request is not JSON", "ERR_INVALID_DATA"));
        }
        String uid = body.path("uid").asText("");
        String jwt = body.path("token").asText("");
        Optional<String> problem = uid.equals(cluster.spec.serviceAccountUid())
                ? LoginJwtVerifier.problem(jwt, uid, cluster.serviceAccountKey, clock.instant())
                : Optional.of("no service account '" + uid + "'");
        if (problem.isPresent()) {
            return Answer.json(401, DcosBodies.error("Unauthorized", "login failed: " + problem.get(),
                    "ERR_INVALID_CREDENTIALS"));
        }
        cluster.loggedIn();
        return Answer.json(200, DcosBodies.token(tokens.issue(cluster.spec.id(), uid, cluster.tokenGeneration(),
                clock.instant())));
    }

    private boolean authorized(SimCluster cluster, HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        String token = header.startsWith("token=") ? header.substring("token=".length())
                : header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
        return token != null && tokens.valid(token, cluster.spec.id(), cluster.tokenGeneration(), clock.instant());
    }

    private static Answer methodNotAllowed() {
        return Answer.json(405, DcosBodies.error("Method Not Allowed", "method not allowed", "ERR_SIM"));
    }
}
