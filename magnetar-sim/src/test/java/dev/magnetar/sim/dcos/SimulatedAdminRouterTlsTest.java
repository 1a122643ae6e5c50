package dev.magnetar.sim.dcos;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated Admin Router speaks HTTPS only, with a certificate its own CA issued; it serves that
 * CA at {@code /ca/dcos-ca.crt} without a token; the wrong-CA fault moves the cluster to a port whose
 * certificate another CA issued.
 */
class SimulatedAdminRouterTlsTest {

    private static SimulatedDcos dcos;
    private static AdminRouterClient http;

    @BeforeAll
    static void start() {
        dcos = SimulatedDcos.start();
        http = new AdminRouterClient(() -> dcos.clientContext());
    }

    @AfterAll
    static void stop() {
        dcos.close();
    }

    @Test
    void clustersAnswerOverHttpsWithACertificateTheSimulatorsCaIssued() throws Exception {
        String api = dcos.register(DcosClusterSpec.of("tls-1", 1, 1, 0, "2.2.1"));
        assertThat(api).startsWith("https://127.0.0.1:");
        AdminRouterClient.Answer answer = http.get(api + "/system/health/v1");
        assertThat(answer.status()).isEqualTo(200);
        X509Certificate presented = (X509Certificate) answer.response().sslSession().orElseThrow()
                .getPeerCertificates()[0];
        assertThat(presented.getIssuerX500Principal().getName()).isEqualTo("CN=Simulated DC/OS Root CA");
    }

    @Test
    void theCaCertificateIsServedWithoutAToken() throws Exception {
        String api = dcos.register(DcosClusterSpec.of("tls-2", 1, 1, 0, "2.2.1")
                .withOauth("magnetar-0123456789ab", ServiceAccountKeys.publicPem(ServiceAccountKeys.generate())));
        AdminRouterClient.Answer answer = http.get(api + "/ca/dcos-ca.crt");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/x-x509-ca-cert");
        assertThat(answer.body()).isEqualTo(dcos.caCertificatePem());
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.US_ASCII)));
        assertThat(ca.getBasicConstraints()).isNotNegative();
    }

    @Test
    void withTheWrongCaFaultTheClusterAnswersWithAnotherCasCertificate() {
        String id = "tls-3";
        String genuine = dcos.register(DcosClusterSpec.of(id, 1, 1, 0, "2.2.1"));
        dcos.setFaults(id, DcosFaults.NONE.withWrongCa());
        String impostor = dcos.apiAddress(id);
        assertThat(impostor).isNotEqualTo(genuine).endsWith("/c/" + id);
        assertThatThrownBy(() -> http.get(impostor + "/system/health/v1"))
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        dcos.setFaults(id, DcosFaults.NONE);
        assertThat(dcos.apiAddress(id)).isEqualTo(genuine);
        assertThat(http.get(genuine + "/system/health/v1").status()).isEqualTo(200);
    }

    @Test
    void plainHttpIsNotServed() {
        String api = dcos.register(DcosClusterSpec.of("tls-4", 1, 1, 0, "2.2.1"));
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> plain.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.replace("https://", "http://") + "/system/health/v1"))
                        .timeout(java.time.Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
