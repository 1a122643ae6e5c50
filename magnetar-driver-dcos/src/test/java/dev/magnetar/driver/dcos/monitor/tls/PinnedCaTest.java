package dev.magnetar.driver.dcos.monitor.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.magnetar.sim.tls.CertificateAuthority;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trust decision: a pinned CA is exactly one CA certificate; a server is trusted when its chain
 * leads to that CA and refused, naming both sides, when it does not; the address it was reached at
 * is not compared with the certificate's names; the JDK's default CAs are not trusted.
 */
class PinnedCaTest {

    private static final CertificateAuthority CLUSTER = CertificateAuthority.create("DC/OS Root CA cluster-1");
    private static final CertificateAuthority OTHER = CertificateAuthority.create("DC/OS Root CA cluster-2");

    private static PinnedCa pinned(CertificateAuthority ca) {
        return PinnedCa.parse(ca.certificatePem()).ca().orElseThrow();
    }

    /** The chain a server of {@code ca} presents: its certificate, then the CA's. */
    private static X509Certificate[] chainOf(CertificateAuthority ca, String address) throws Exception {
        SSLContext server = ca.serverContext(address);
        try (Served https = serve(server)) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(FirstContactTrust.sslContext()).build();
            HttpResponse<Void> response = trusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + https.port() + "/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return java.util.Arrays.copyOf(response.sslSession().orElseThrow().getPeerCertificates(), 2,
                    X509Certificate[].class);
        }
    }

    /** A loopback HTTPS server answering 204, stopped when closed. */
    private record Served(HttpsServer https) implements AutoCloseable {
        int port() {
            return https.getAddress().getPort();
        }

        @Override
        public void close() {
            https.stop(0);
        }
    }

    private static Served serve(SSLContext tls) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        https.start();
        return new Served(https);
    }

    @Test
    void aPinIsOneCaCertificate() {
        assertThat(PinnedCa.parse(CLUSTER.certificatePem()).ca()).isPresent();
        assertThat(PinnedCa.parse("").problem()).isEqualTo("no certificate");
        assertThat(PinnedCa.parse("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
                .problem()).startsWith("not a usable certificate");
        assertThat(PinnedCa.parse(CLUSTER.certificatePem() + OTHER.certificatePem()).problem())
                .isEqualTo("expected one X.509 certificate, found 2");
    }

    @Test
    void aServerCertificateIsNoCaToPin() throws Exception {
        String leaf = CertificateAuthority.pem(chainOf(CLUSTER, "127.0.0.1")[0]);
        assertThat(PinnedCa.parse(leaf).problem()).isEqualTo("the certificate of CN=127.0.0.1 is not a CA certificate");
    }

    @Test
    void theFingerprintIsSha256OfTheCertificate() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(CLUSTER.certificate().getEncoded());
        assertThat(pinned(CLUSTER).fingerprint()).isEqualTo(java.util.HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(digest)).hasSize(32 * 3 - 1);
    }

    @Test
    void aChainTheClusterCaIssuedIsTrusted() throws Exception {
        pinned(CLUSTER).check(chainOf(CLUSTER, "127.0.0.1"), "UNKNOWN");
    }

    @Test
    void aChainAnotherCaIssuedIsRefusedNamingBothCas() throws Exception {
        X509Certificate[] foreign = chainOf(OTHER, "127.0.0.1");
        PinnedCa ca = pinned(CLUSTER);
        assertThatThrownBy(() -> ca.check(foreign, "UNKNOWN"))
                .isInstanceOf(PinnedCa.NotPinnedCaException.class)
                .isInstanceOf(CertificateException.class)
                .hasMessage("the certificate Admin Router presented (CN=127.0.0.1, issued by CN=DC/OS Root CA cluster-2)"
                        + " does not chain to the cluster's pinned CA (CN=DC/OS Root CA cluster-1, SHA-256 "
                        + ca.fingerprint() + ")");
    }

    @Test
    void theAddressDialledNeedNotBeNamedByTheCertificate() throws Exception {
        try (Served https = serve(CLUSTER.serverContext("10.0.0.11"))) {
            HttpClient pinnedClient = HttpClient.newBuilder().sslContext(pinned(CLUSTER).sslContext()).build();
            HttpResponse<Void> response = pinnedClient.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + https.port() + "/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(204);
        }
    }

    @Test
    void theClientOfAPinRefusesAnotherCasServer() throws Exception {
        try (Served https = serve(OTHER.serverContext("127.0.0.1"))) {
            HttpClient pinnedClient = HttpClient.newBuilder().sslContext(pinned(CLUSTER).sslContext()).build();
            assertThatThrownBy(() -> pinnedClient.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + https.port() + "/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        }
    }

    @Test
    void noClientIsTrusted() throws Exception {
        PinnedCaTrustManager trust = new PinnedCaTrustManager(pinned(CLUSTER));
        X509Certificate[] chain = chainOf(CLUSTER, "127.0.0.1");
        assertThat(trust.getAcceptedIssuers()).isEmpty();
        assertThatThrownBy(() -> trust.checkClientTrusted(chain, "UNKNOWN"))
                .hasMessage("the monitor accepts no client certificates");
    }
}
