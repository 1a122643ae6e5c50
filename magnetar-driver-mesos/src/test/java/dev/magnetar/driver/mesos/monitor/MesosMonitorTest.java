package dev.magnetar.driver.mesos.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.model.NodeGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor over real HTTP on loopback: three masters on 127.0.0.1-3 (one port, as in a cluster)
 * and Marathon at the api_address, serving the recorded bodies; then masters that are down, hang
 * or answer without end.
 */
class MesosMonitorTest {

    /** Generous, so a loaded machine does not turn an answer into a timeout. */
    private static final MonitorContext CONTEXT = new MonitorContext(Duration.ofSeconds(10), Map.of());
    private static final List<String> MASTERS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<java.util.concurrent.ExecutorService> executors = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int mesosPort;
    private String apiAddress;

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        executors.forEach(java.util.concurrent.ExecutorService::shutdownNow);
    }

    @Test
    void aWorkingClusterIsHealthy() throws IOException {
        startMasters(true, true, true);
        startMarathon();

        HealthReport report = poll(3);

        assertThat(report.status()).as(report.reason().toString()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.coeVersion()).isEqualTo("1.11.0");
        assertThat(report.metrics()).containsEntry("agents_active", 3.0);
    }

    @Test
    void anAddedPoolsAgentsAreExpectedBesideTheDefaultOnes() throws IOException {
        startMasters(true, true, true);
        startMarathon();

        HealthReport complete = poll(1, List.of(pool(2)), CONTEXT);
        HealthReport missing = poll(1, List.of(pool(3)), CONTEXT);

        assertThat(complete.status()).as(complete.reason().toString()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(complete.metrics()).containsEntry("agents_expected", 3.0);
        assertThat(missing.status()).as("the fixture's leader has 3 active agents, 4 are asked for")
                .isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(missing.metrics()).containsEntry("agents_expected", 4.0);
    }

    private static NodeGroup pool(int nodes) {
        Instant at = Instant.parse("2026-12-03T12:00:00Z");
        return new NodeGroup("2d3e4f50-6172-4c8d-8e9f-1a2b3c4d5e6f", "gpu", "agent", nodes, 0, null, null, null, null,
                Map.of(), false, false, at, at);
    }

    @Test
    void aMasterThatIsDownIsNamed() throws IOException {
        startMasters(true, true, false);
        startMarathon();

        HealthReport report = poll(3);

        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.reason()).containsOnlyKeys("master 127.0.0.3");
        assertThat(report.reason().get("master 127.0.0.3")).endsWith("connection refused");
    }

    @Test
    void nothingListeningIsUnknown() throws IOException {
        HttpServer probe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mesosPort = probe.getAddress().getPort();
        probe.stop(0);
        apiAddress = "http://127.0.0.1:" + mesosPort;

        HealthReport report = poll(3);

        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason().get("cluster")).startsWith("cannot reach any Mesos master");
    }

    @Test
    void hangingEndpointsCostNoMoreThanTheRequestTimeout() throws IOException {
        startMasters(true, true, true);
        HttpServer marathon = server("127.0.0.1", 0);
        marathon.createContext("/v2/info", exchange -> sleepQuietly());
        apiAddress = "http://127.0.0.1:" + marathon.getAddress().getPort();

        long start = System.nanoTime();
        HealthReport report = poll(3, new MonitorContext(Duration.ofMillis(1500), Map.of()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the poll did not wait for the hanging endpoint")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(report.reason()).containsOnlyKeys("marathon");
        assertThat(report.reason().get("marathon")).contains("no answer");
    }

    @Test
    void anEndlessAnswerIsCutOffNotBuffered() throws IOException {
        startMasters(true, true, true);
        HttpServer marathon = server("127.0.0.1", 0);
        marathon.createContext("/v2/info", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < (ClusterEndpoints.BODY_LIMIT / chunk.length) + 4; i++) {
                    out.write(chunk);
                }
            } catch (IOException cancelled) {
                // the monitor hung up, as it should
            }
        });
        apiAddress = "http://127.0.0.1:" + marathon.getAddress().getPort();

        HealthReport report = poll(3);

        assertThat(report.reason()).containsExactly(Map.entry("marathon", "answer larger than "
                + ClusterEndpoints.BODY_LIMIT + " bytes from " + apiAddress + "/v2/info"));
    }

    private HealthReport poll(int agents) {
        return poll(agents, CONTEXT);
    }

    private HealthReport poll(int agents, MonitorContext context) {
        return poll(agents, List.of(), context);
    }

    private HealthReport poll(int agents, List<NodeGroup> pools, MonitorContext context) {
        Cluster cluster = Cluster.builder().uuid("f3b0c6a2-7d4e-4b1a-8c9f-2e5d7a6b3c40").masterCount(3)
                .nodeCount(agents).nodeGroups(pools).masterAddresses(MASTERS).apiAddress(apiAddress).build();
        ClusterTemplate template = ClusterTemplate.builder().uuid("8c1d7e52-2f5b-4d0a-9b4e-6a3f0e9d1c21").build();
        return new MesosMonitor(http, MasterLocator.onPort(mesosPort)).poll(template, cluster, context);
    }

    private void startMasters(boolean... up) throws IOException {
        HttpServer first = server(MASTERS.getFirst(), 0);
        mesosPort = first.getAddress().getPort();
        serveMaster(first, true);
        for (int i = 1; i < MASTERS.size(); i++) {
            if (up[i]) {
                serveMaster(server(MASTERS.get(i), mesosPort), false);
            }
        }
    }

    private void serveMaster(HttpServer server, boolean leader) {
        String snapshot = Fixtures.text(leader ? Fixtures.leaderSnapshot() : Fixtures.standbySnapshot());
        server.createContext("/metrics/snapshot", exchange -> answer(exchange, snapshot));
        server.createContext("/master/state", exchange -> answer(exchange, Fixtures.text(Fixtures.state())));
    }

    private void startMarathon() throws IOException {
        HttpServer marathon = server("127.0.0.1", 0);
        marathon.createContext("/v2/info", exchange -> answer(exchange, Fixtures.text(Fixtures.marathonInfo())));
        apiAddress = "http://127.0.0.1:" + marathon.getAddress().getPort();
    }

    private HttpServer server(String address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        executors.add(executor);
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        return server;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
