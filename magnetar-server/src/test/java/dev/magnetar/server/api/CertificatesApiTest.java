package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magnum's {@code /v1/certificates} over real HTTP: a DC/OS cluster's CA is the one its Admin Router
 * presents and the monitor pinned; signing and rotation are Magnum's "not supported by this driver"
 * 400 (docs/design/0007-cluster-certificates.md); the Mesos driver, whose COE speaks plain HTTP, has no CA.
 */
class CertificatesApiTest {

    static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBVTCBvwIBADAWMRQwEgYDVQQDDAtleGFtcGxl\n"
            + "-----END CERTIFICATE REQUEST-----\n";

    static TestServer server;
    static String project;
    static Api member;
    static Api reader;
    static Api stranger;
    static String dcosTemplate;
    static String dcos;
    static String dcosName;

    @BeforeAll
    static void aSettledDcosCluster() {
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "1000"));
        project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        member = server.api().as(project, "member");
        reader = server.api().as(project, "reader");
        stranger = server.api().as(project + "x", "member");
        dcosTemplate = template("dcos", "dcos-centos-7.2", false);
        dcosName = "ca-" + UUID.randomUUID().toString().substring(0, 6);
        dcos = cluster(dcosName, dcosTemplate);
        Eventually.await(dcos + " HEALTHY", Duration.ofSeconds(30), () -> member.get("/v1/clusters/" + dcos).json(),
                c -> "HEALTHY".equals(c.path("health_status").asText()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String template(String coe, String image, boolean tlsDisabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", coe + "-t");
        body.put("coe", coe);
        body.put("image_id", image);
        body.put("keypair_id", "testkey");
        body.put("external_network_id", "public");
        body.put("flavor_id", "m1.small");
        body.put("tls_disabled", tlsDisabled);
        Api.Response created = member.post("/v1/clustertemplates", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("uuid").asText();
    }

    static String cluster(String name, String template) {
        Api.Response accepted = member.post("/v1/clusters", Map.of("name", name, "node_count", 1,
                "cluster_template_id", template));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("uuid").asText();
    }

    @Nested
    class Show {

        @Test
        void answers_the_ca_admin_router_presents_with_magnums_fields_by_uuid_and_by_name() {
            Api.Response byUuid = member.get("/v1/certificates/" + dcos);
            Api.Response byName = member.get("/v1/certificates/" + dcosName);

            assertThat(byUuid.status()).as(byUuid.toString()).isEqualTo(200);
            JsonNode ca = byUuid.json();
            assertThat(ca.get("cluster_uuid").asText()).isEqualTo(dcos);
            assertThat(ca.get("bay_uuid").asText()).isEqualTo(dcos);
            assertThat(ca.get("pem").asText()).isEqualTo(server.dcos().caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(ca.get("links").get(0).get("href").asText()).endsWith("/v1/certificates/" + dcos);
            assertThat(ca.get("links").get(1).get("href").asText()).endsWith("/certificates/" + dcos);
            assertThat(byName.status()).isEqualTo(200);
            assertThat(byName.json()).isEqualTo(ca);
        }

        @Test
        void is_readable_by_the_reader_role_and_unversioned_as_well() {
            assertThat(reader.get("/v1/certificates/" + dcos).status()).isEqualTo(200);
            assertThat(member.get("/certificates/" + dcos).json().get("pem").asText())
                    .isEqualTo(server.dcos().caCertificatePem());
        }

        @Test
        void is_not_found_for_another_project_and_for_an_unknown_cluster() {
            Api.Response foreign = stranger.get("/v1/certificates/" + dcos);
            Api.Response unknown = member.get("/v1/certificates/" + UUID.randomUUID());

            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.detail()).isEqualTo("Cluster " + dcos + " could not be found.");
            assertThat(unknown.status()).isEqualTo(404);
        }

        @Test
        void is_a_400_saying_why_while_the_ca_is_not_pinned_yet_never_a_404() {
            String young = cluster("young", dcosTemplate);

            Api.Response early = member.get("/v1/certificates/" + young);

            assertThat(early.status()).as(early.toString()).isEqualTo(400);
            assertThat(early.detail()).startsWith("The CA of cluster young is not known yet (status CREATE_IN_PROGRESS)");
        }

        @Test
        void is_magnums_not_supported_400_for_a_mesos_cluster_which_speaks_plain_http() {
            String mesos = cluster("mesos-ca", template("mesos", "ubuntu-mesos", false));

            Api.Response refused = member.get("/v1/certificates/" + mesos);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("'get_ca_certificate' is not supported by this driver.");
        }
    }

    @Nested
    class Sign {

        @Test
        void is_magnums_not_supported_400_since_nothing_in_the_cluster_trusts_a_ca_magnetar_holds() {
            Api.Response byCluster = member.post("/v1/certificates", Map.of("cluster_uuid", dcos, "csr", CSR));
            Api.Response byBay = member.post("/v1/certificates", Map.of("bay_uuid", dcos, "csr", CSR));

            assertThat(byCluster.status()).as(byCluster.toString()).isEqualTo(400);
            assertThat(byCluster.detail()).isEqualTo("'sign_certificate' is not supported by this driver.");
            assertThat(byBay.detail()).isEqualTo("'sign_certificate' is not supported by this driver.");
            assertThat(byCluster.json().get("errors").get(0).get("code").asText()).isEqualTo("client");
        }

        @Test
        void checks_the_body_as_magnum_does() {
            assertThat(member.post("/v1/certificates", Map.of("cluster_uuid", dcos)).detail())
                    .startsWith("Received invalid csr");
            assertThat(member.post("/v1/certificates", Map.of("csr", CSR)).detail())
                    .isEqualTo("Invalid input for field/attribute cluster_uuid. Value: 'None'. Mandatory field missing.");
            assertThat(member.post("/v1/certificates", Map.of("cluster_uuid", dcosName, "csr", CSR)).detail())
                    .isEqualTo("Invalid input for field/attribute cluster_uuid. Value: '" + dcosName
                            + "'. Expected a UUID but received " + dcosName + ".");
            assertThat(member.post("/v1/certificates", Map.of("cluster_uuid", dcos, "csr", CSR, "pem", "x")).detail())
                    .isEqualTo("Unknown attribute for argument certificate: pem");
        }

        @Test
        void an_unknown_or_foreign_cluster_in_the_body_is_a_400_as_in_magnum() {
            Api.Response unknown = member.post("/v1/certificates", Map.of("cluster_uuid", UUID.randomUUID().toString(), "csr", CSR));
            Api.Response foreign = stranger.post("/v1/certificates", Map.of("cluster_uuid", dcos, "csr", CSR));

            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.detail()).endsWith("could not be found.");
            assertThat(foreign.status()).isEqualTo(400);
            assertThat(foreign.detail()).isEqualTo("Cluster " + dcos + " could not be found.");
        }

        @Test
        void is_forbidden_to_the_reader_role() {
            Api.Response refused = reader.post("/v1/certificates", Map.of("cluster_uuid", dcos, "csr", CSR));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.detail()).isEqualTo("Policy doesn't allow certificate:create to be performed.");
        }
    }

    @Nested
    class Rotate {

        @Test
        void below_microversion_1_5_is_a_406_as_magnum_answers() {
            Api.Response unversioned = member.patch("/v1/certificates/" + dcos, null);
            Api.Response at14 = member.withVersion("1.4").patch("/v1/certificates/" + dcos, null);

            assertThat(unversioned.status()).isEqualTo(406);
            assertThat(unversioned.detail())
                    .isEqualTo("Version 1.1 was requested but the requested API rotate_ca is not supported for this version.");
            assertThat(at14.status()).isEqualTo(406);
        }

        @Test
        void from_1_5_is_magnums_not_supported_400_for_dcos_and_mesos() {
            String mesos = cluster("mesos-rot", template("mesos", "ubuntu-mesos", false));

            Api.Response dcosRotate = member.withVersion("1.5").patch("/v1/certificates/" + dcos, null);
            Api.Response mesosRotate = member.withVersion("latest").patch("/v1/certificates/" + mesos, null);

            assertThat(dcosRotate.status()).isEqualTo(400);
            assertThat(dcosRotate.detail()).isEqualTo("'rotate_ca_certificate' is not supported by this driver.");
            assertThat(mesosRotate.detail()).isEqualTo("'rotate_ca_certificate' is not supported by this driver.");
        }

        @Test
        void a_cluster_of_a_tls_disabled_template_gets_magnums_non_tls_message() {
            String plain = cluster("plain", template("dcos", "dcos-centos-7.2", true));

            Api.Response refused = member.withVersion("1.5").patch("/v1/certificates/" + plain, null);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("Rotating the CA certificate on a non-TLS cluster is not supported");
        }

        @Test
        void is_forbidden_to_the_reader_role_and_not_found_for_another_project() {
            Api.Response byReader = reader.withVersion("1.5").patch("/v1/certificates/" + dcos, null);
            Api.Response byStranger = stranger.withVersion("1.5").patch("/v1/certificates/" + dcos, null);

            assertThat(byReader.status()).isEqualTo(403);
            assertThat(byReader.detail()).isEqualTo("Policy doesn't allow certificate:rotate_ca to be performed.");
            assertThat(byStranger.status()).isEqualTo(404);
        }
    }
}
