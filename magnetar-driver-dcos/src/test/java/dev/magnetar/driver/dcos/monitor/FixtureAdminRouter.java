package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.magnetar.sim.tls.CertificateAuthority;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A stand-in Admin Router that answers with the recorded fixture bodies under a path prefix, each
 * of which a test may edit, replace or break before polling. It speaks HTTPS with a certificate its
 * own CA issued (for {@code certifiedAddress}) and serves a CA certificate at {@code /ca/dcos-ca.crt}:
 * its own unless a test says otherwise. Requests for the CA are not recorded in {@link #requests}.
 */
final class FixtureAdminRouter implements AutoCloseable {

    static final Map<String, String> FIXTURES = Map.of(
            "/mesos/metrics/snapshot", "mesos-master-metrics-snapshot.json",
            "/system/health/v1/nodes", "dcos-system-health-v1-nodes.json",
            "/system/health/v1/units", "dcos-system-health-v1-units.json",
            "/system/health/v1", "dcos-system-health-v1-node.json",
            "/marathon/v2/info", "marathon-v2-info.json",
            "/exhibitor/exhibitor/v1/cluster/status", "exhibitor-cluster-status.json",
            "/package/repository/list", "cosmos-repository-list-response.json",
            "/package/search", "cosmos-package-search-response.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/dcos/admin-router";
    static final String CA_PATH = "/ca/dcos-ca.crt";

    private record Answer(int status, byte[] body) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpsServer server;
    private final java.util.concurrent.ExecutorService executor =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    /** The CA that issued this router's certificate. */
    final CertificateAuthority ca;
    /** Every request as {@code METHOD path content-type body}, in arrival order. */
    final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    FixtureAdminRouter() throws IOException {
        this(CertificateAuthority.create("Fixture DC/OS Root CA"), "127.0.0.1");
    }

    /**
     * @param ca               issues the router's certificate, and is what {@code /ca/dcos-ca.crt} serves
     * @param certifiedAddress the only address the certificate names
     */
    FixtureAdminRouter(CertificateAuthority ca, String certifiedAddress) throws IOException {
        this.ca = ca;
        FIXTURES.forEach((path, file) -> answers.put(path, new Answer(200, fixture(file))));
        answers.put(CA_PATH, new Answer(200, ca.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext(certifiedAddress)));
        // The monitor's requests arrive at once; a single dispatcher thread doing each TLS exchange in
        // turn would let some of them time out.
        server.setExecutor(executor);
        server.createContext(PREFIX + "/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            Answer answer = answers.getOrDefault(path, new Answer(404, "{}".getBytes()));
            if (!path.equals(CA_PATH)) {
                requests.add(exchange.getRequestMethod() + " " + path + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
            exchange.close();
        });
        server.start();
    }

    /** The api_address, with a path prefix as a proxy in front of Admin Router would give. */
    String apiAddress() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/";
    }

    /** Replaces the answer at {@code path} with an edited copy of its fixture. */
    FixtureAdminRouter edit(String path, UnaryOperator<JsonNode> edit) {
        JsonNode tree;
        try {
            tree = JSON.readTree(fixture(FIXTURES.get(path)));
            answers.put(path, new Answer(200, JSON.writeValueAsBytes(edit.apply(tree))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FixtureAdminRouter answer(String path, int status, byte[] body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static byte[] fixture(String file) {
        try (InputStream in = FixtureAdminRouter.class.getResourceAsStream("/fixtures/dcos/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
