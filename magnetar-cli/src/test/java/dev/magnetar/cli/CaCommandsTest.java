package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ca-show, ca-sign and ca-rotate, as the legacy magnum shell spells them. */
class CaCommandsTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UUID = "0f3c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e01";
    private static final String PEM = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----";

    @Test
    void caShowPrintsThePemOfTheClusterGivenByPositionOrOption() {
        server.on("GET", "/v1/certificates/my-dcos", 200,
                "{\"cluster_uuid\": \"" + UUID + "\", \"bay_uuid\": \"" + UUID + "\", \"pem\": \"" + PEM + "\"}");

        CliRunner.Result positional = cli.run("ca-show", "my-dcos");
        CliRunner.Result option = cli.run("ca-show", "--cluster", "my-dcos");

        assertThat(positional.out()).isEqualTo("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        assertThat(option.out()).isEqualTo(positional.out());
    }

    @Test
    void caSignSendsTheClustersUuidAndTheCsrFilesText(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path csr = Files.writeString(dir.resolve("client.csr"), "-----BEGIN CERTIFICATE REQUEST-----\nx\n");
        server.on("GET", "/v1/clusters/my-dcos", 200, "{\"uuid\": \"" + UUID + "\", \"name\": \"my-dcos\"}");
        server.on("POST", "/v1/certificates", 201, "{\"cluster_uuid\": \"" + UUID + "\", \"pem\": \"" + PEM + "\"}");

        CliRunner.Result result = cli.run("ca-sign", "--csr", csr.toString(), "--cluster", "my-dcos");

        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree(
                "{\"cluster_uuid\": \"" + UUID + "\", \"csr\": \"-----BEGIN CERTIFICATE REQUEST-----\\nx\\n\"}"));
        assertThat(result.out()).startsWith("-----BEGIN CERTIFICATE-----\nMIIB");
    }

    @Test
    void caRotatePatchesTheCertificatesOfTheClustersUuidAndReportsTheServersRefusal() {
        server.on("GET", "/v1/clusters/my-dcos", 200, "{\"uuid\": \"" + UUID + "\", \"name\": \"my-dcos\"}");
        server.on("PATCH", "/v1/certificates/" + UUID, 400, """
                {"errors": [{"request_id": "req-1", "code": "client", "status": 400, "title": "Bad Request",
                 "detail": "'rotate_ca_certificate' is not supported by this driver.", "links": []}]}""");

        CliRunner.Result result = cli.run("ca-rotate", "--cluster", "my-dcos");

        assertThat(server.only("PATCH").target()).isEqualTo("/v1/certificates/" + UUID);
        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).startsWith("'rotate_ca_certificate' is not supported by this driver. (HTTP 400)");
    }

    @Test
    void caShowWithoutAClusterSaysHowToGiveOne() {
        CliRunner.Result result = cli.run("ca-show");

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("Give the cluster");
    }
}
