package dev.magnetar.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From CREATE_COMPLETE to the DC/OS CLI on the embedded default: {@code magnetar cluster-config} reads
 * the {@code dcos-attach} extension of a completed dcos cluster and writes the CA the monitor pinned and
 * the setup script that trusts it for its Admin Router address; a Mesos cluster is refused with a 400.
 */
class ClusterConfigE2ETest {

    static TestServer server;
    static Cli cli;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = new Cli(server.url());
        assertThat(cli.run("cluster-template-create attach-t --coe dcos --image dcos-centos-7.2 --keypair testkey"
                + " --external-network public --flavor m1.small").status()).isZero();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cluster_config_writes_the_pinned_ca_and_the_dcos_cluster_setup_that_trusts_it_and_prints_the_ui()
            throws Exception {
        assertThat(cli.run("cluster-create attach-c --cluster-template attach-t --node-count 1 --wait").status()).isZero();
        String apiAddress = Eventually.await("attach-c's first health", Duration.ofSeconds(30),
                () -> server.api().get("/v1/clusters/attach-c").json(),
                c -> !c.path("health_status").isNull() && !c.path("health_status").isMissingNode())
                .get("api_address").asText();

        Cli.Result config = cli.run("cluster-config attach-c --dir " + dir);
        JsonNode attach = server.api().get("/v1/clusters/attach-c/dcos-attach").json();

        Path caFile = dir.toAbsolutePath().normalize().resolve("dcos-ca.crt");
        assertThat(config.status()).as(config.toString()).isZero();
        assertThat(apiAddress).startsWith("https://");
        assertThat(config.out()).startsWith("DC/OS UI: " + apiAddress + "/\n")
                .contains("Attach the DC/OS CLI: dcos cluster setup " + apiAddress + " --ca-certs=" + caFile + "\n")
                .contains("first user to log in becomes the cluster's superuser")
                .contains("Wrote " + caFile + "\n");
        assertThat(Files.readString(caFile)).isEqualTo(server.dcos().caCertificatePem());
        assertThat(Files.readString(dir.resolve("dcos-cluster-setup.sh")))
                .endsWith("dcos cluster setup " + apiAddress + " --ca-certs=dcos-ca.crt\n");
        assertThat(attach.get("dcos_url").asText()).isEqualTo(apiAddress);
        assertThat(attach.get("ca_certificate").asText()).isEqualTo(server.dcos().caCertificatePem());
        assertThat(attach.get("setup_command").asText()).isEqualTo("dcos cluster setup " + apiAddress + " --ca-certs=dcos-ca.crt");
    }

    @Test
    void a_mesos_cluster_has_no_dcos_attachment() {
        assertThat(cli.run("cluster-template-create attach-m --coe mesos --image ubuntu-mesos --keypair testkey"
                + " --external-network public --flavor m1.small").status()).isZero();
        assertThat(cli.run("cluster-create attach-mc --cluster-template attach-m --node-count 1 --wait").status()).isZero();

        Api.Response refused = server.api().get("/v1/clusters/attach-mc/dcos-attach");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("is a mesos cluster", "offers no client attachment");
    }
}
