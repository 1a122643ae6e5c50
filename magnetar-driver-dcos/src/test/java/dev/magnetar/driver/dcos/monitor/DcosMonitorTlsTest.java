package dev.magnetar.driver.dcos.monitor;

import com.sun.net.httpserver.HttpServer;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.driver.MonitorSession;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.driver.dcos.monitor.tls.PinnedCa;
import dev.magnetar.sim.tls.CertificateAuthority;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to Admin Router, against real local HTTPS servers: the first poll fetches and pins the CA the
 * cluster serves; later polls trust that CA alone; a certificate from any other CA is UNKNOWN with
 * the TLS failure as the reason, and nothing falls back to plain HTTP or to trusting what answers.
 */
class DcosMonitorTlsTest {

    private static final DcosMonitor monitor = new DcosMonitor();

    /** Room for a first poll's TLS handshakes on a loaded machine; nothing here is judged on time. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static HealthReport poll(String apiAddress, MonitorSession session) {
        return poll(apiAddress, session, TIMEOUT);
    }

    private static HealthReport poll(String apiAddress, MonitorSession session, Duration timeout) {
        return monitor.poll(MonitoredClusters.TEMPLATE, MonitoredClusters.cluster(apiAddress, 3, 2, 1, false),
                new MonitorContext(timeout, Map.of(), session));
    }

    private static String reason(HealthReport report) {
        return report.reason().get("cluster");
    }

    @Test
    void theFirstPollPinsTheCaTheClusterServesAndReadsTheClusterThroughIt() throws Exception {
        try (FixtureAdminRouter router = new FixtureAdminRouter()) {
            MonitorSession session = MonitorSession.inMemory();

            HealthReport report = poll(router.apiAddress(), session);

            assertThat(report.status()).isNotEqualTo(HealthStatus.UNKNOWN);
            assertThat(report.reason()).doesNotContainKey("cluster");
            assertThat(session.pinnedCa()).contains(router.ca.certificatePem());
            assertThat(router.requests).anyMatch(r -> r.startsWith("GET /mesos/metrics/snapshot"));
        }
    }

    @Test
    void aPinnedClusterIsNotAskedForItsCaAgain() throws Exception {
        try (FixtureAdminRouter router = new FixtureAdminRouter()) {
            MonitorSession session = MonitorSession.inMemory();
            session.pinCa(router.ca.certificatePem());
            router.answer(FixtureAdminRouter.CA_PATH, 500, new byte[0]);

            HealthReport report = poll(router.apiAddress(), session);

            assertThat(report.reason()).doesNotContainKey("cluster");
        }
    }

    /** The cluster's own CA, pinned; the router a test polls presents another's certificate. */
    private static final CertificateAuthority CLUSTER_CA = CertificateAuthority.create("DC/OS Root CA of the cluster");

    private static FixtureAdminRouter impostor() throws java.io.IOException {
        return new FixtureAdminRouter(CertificateAuthority.create("Impostor CA"), "127.0.0.1");
    }

    @Test
    void aCertificateFromAnotherCaThanThePinnedOneIsUnknownNamingTheTlsFailure() throws Exception {
        CertificateAuthority pinnedCa = CLUSTER_CA;
        try (FixtureAdminRouter impostor = impostor()) {
            MonitorSession session = pinnedTo(pinnedCa);

            HealthReport report = poll(impostor.apiAddress(), session);

            String fingerprint = PinnedCa.parse(pinnedCa.certificatePem()).ca().orElseThrow().fingerprint();
            assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(reason(report)).isEqualTo("cannot reach Admin Router at " + impostor.apiAddress()
                    + ": TLS: the certificate Admin Router presented (CN=127.0.0.1, issued by CN=Impostor CA) does not"
                    + " chain to the cluster's pinned CA (CN=DC/OS Root CA of the cluster, SHA-256 " + fingerprint + ")");
            assertThat(impostor.requests).isEmpty();
            assertThat(session.pinnedCa()).contains(pinnedCa.certificatePem());
        }
    }

    @Test
    void anOauthClusterSendsNoLoginToACertificateFromAnotherCa() throws Exception {
        try (FixtureAdminRouter impostor = impostor()) {
            MonitorSession session = pinnedTo(CLUSTER_CA);
            java.security.KeyPair keys = MonitoredClusters.rsaKeyPair();

            HealthReport report = monitor.poll(MonitoredClusters.TEMPLATE,
                    MonitoredClusters.cluster(impostor.apiAddress(), 3, 2, 1, true),
                    new MonitorContext(TIMEOUT, Map.of(DcosMonitor.CREDENTIAL_UID, "magnetar-0123456789ab",
                            DcosMonitor.CREDENTIAL_PRIVATE_KEY, MonitoredClusters.privatePem(keys)), session));

            assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(reason(report)).contains("TLS: the certificate Admin Router presented",
                    "does not chain to the cluster's pinned CA");
            assertThat(impostor.requests).isEmpty();
        }
    }

    @Test
    void aCaThatDidNotIssueTheServedCertificateIsNotPinned() throws Exception {
        CertificateAuthority unrelated = CertificateAuthority.create("Unrelated CA");
        try (FixtureAdminRouter router = new FixtureAdminRouter()) {
            router.answer(FixtureAdminRouter.CA_PATH, 200, unrelated.certificatePem().getBytes(StandardCharsets.US_ASCII));
            MonitorSession session = MonitorSession.inMemory();

            HealthReport report = poll(router.apiAddress(), session);

            assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(reason(report)).startsWith("cannot pin Admin Router's CA from /ca/dcos-ca.crt: TLS: the "
                    + "certificate Admin Router presented (CN=127.0.0.1, issued by CN=Fixture DC/OS Root CA) does not "
                    + "chain to the cluster's pinned CA (CN=Unrelated CA").endsWith(", so the CA it served is not pinned");
            assertThat(session.pinnedCa()).isEmpty();
            assertThat(router.requests).isEmpty();
        }
    }

    @Test
    void aClusterThatServesNoCaIsUnknownAndUnpinned() throws Exception {
        try (FixtureAdminRouter router = new FixtureAdminRouter()) {
            router.answer(FixtureAdminRouter.CA_PATH, 404, "{}".getBytes(StandardCharsets.US_ASCII));
            MonitorSession session = MonitorSession.inMemory();

            HealthReport report = poll(router.apiAddress(), session);

            assertThat(reason(report)).isEqualTo("cannot pin Admin Router's CA from /ca/dcos-ca.crt: HTTP 404");
            assertThat(session.pinnedCa()).isEmpty();
        }
    }

    @Test
    void anHttpApiAddressIsReadOverHttps() throws Exception {
        try (FixtureAdminRouter router = new FixtureAdminRouter()) {
            MonitorSession session = MonitorSession.inMemory();

            HealthReport report = poll(router.apiAddress().replace("https://", "http://"), session);

            assertThat(report.reason()).doesNotContainKey("cluster");
            assertThat(session.pinnedCa()).isPresent();
        }
    }

    @Test
    void aPlainHttpServerIsNeverSpokenHttpTo() throws Exception {
        List<String> plainRequests = new CopyOnWriteArrayList<>();
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            plainRequests.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        plain.start();
        try {
            String api = "http://127.0.0.1:" + plain.getAddress().getPort();
            for (MonitorSession session : List.of(MonitorSession.inMemory(), pinnedTo(CertificateAuthority.create("CA")))) {
                HealthReport report = poll(api, session, Duration.ofSeconds(1));

                assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
                // The plain server takes the TLS hello for a request line and waits: a timeout or a failed
                // handshake, never an HTTP exchange.
                assertThat(reason(report)).startsWith("cannot reach Admin Router at " + api + ": ");
            }
            assertThat(plainRequests).isEmpty();
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void anUnusablePinIsUnknownWithoutContactingTheCluster() throws Exception {
        try (FixtureAdminRouter router = new FixtureAdminRouter()) {
            MonitorSession session = MonitorSession.inMemory();
            session.pinCa("not a certificate");

            HealthReport report = poll(router.apiAddress(), session);

            assertThat(reason(report)).startsWith("the CA pinned for Admin Router is unusable: ");
            assertThat(router.requests).isEmpty();
        }
    }

    private static MonitorSession pinnedTo(CertificateAuthority ca) {
        MonitorSession session = MonitorSession.inMemory();
        session.pinCa(ca.certificatePem());
        return session;
    }
}
