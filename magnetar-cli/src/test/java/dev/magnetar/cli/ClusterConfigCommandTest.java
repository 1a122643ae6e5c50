package dev.magnetar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cluster-config}: reads the cluster's {@code dcos-attach} extension and writes the CA bundle
 * and the {@code dcos cluster setup} script, printing the UI's URL, the command and the login steps.
 */
class ClusterConfigCommandTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    private static String attach(boolean https) {
        String url = https ? "https://203.0.113.10" : "http://203.0.113.10";
        return """
                {"dcos_url": "%s", "ui_url": "%s/", "ca_certificate": %s, "ca_file": %s,
                 "setup_command": "dcos cluster setup %s%s",
                 "login": ["open the login URL it prints", "later: dcos auth login"]}"""
                .formatted(url, url, https ? JSON.valueToTree(CA).toString() : "null", https ? "\"dcos-ca.crt\"" : "null",
                        url, https ? " --ca-certs=dcos-ca.crt" : "");
    }

    @Test
    void writesTheCaAndTheSetupScriptAndPrintsTheUiTheCommandWithThePinnedCaAndTheLogin() throws Exception {
        server.on("GET", "/v1/clusters/my-dcos/dcos-attach", 200, attach(true));
        Path target = dir.resolve("my-dcos");

        CliRunner.Result result = cli.run("cluster-config", "my-dcos", "--dir", target.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(target.resolve("dcos-ca.crt")).hasContent(CA.stripTrailing());
        assertThat(Files.readString(target.resolve("dcos-cluster-setup.sh"))).isEqualTo("""
                #!/bin/sh
                # Written by magnetar cluster-config: attaches the DC/OS CLI.
                # open the login URL it prints
                # later: dcos auth login
                cd "$(dirname "$0")" || exit 1
                dcos cluster setup https://203.0.113.10 --ca-certs=dcos-ca.crt
                """);
        assertThat(Files.isExecutable(target.resolve("dcos-cluster-setup.sh"))).isTrue();
        assertThat(result.out()).isEqualTo("""
                DC/OS UI: https://203.0.113.10/
                Attach the DC/OS CLI: dcos cluster setup https://203.0.113.10 --ca-certs=%s
                  open the login URL it prints
                  later: dcos auth login
                Wrote %s
                Wrote %s
                """.formatted(target.resolve("dcos-ca.crt"), target.resolve("dcos-ca.crt"),
                target.resolve("dcos-cluster-setup.sh")));
    }

    @Test
    void aPlainHttpClusterGetsNoCaFile() {
        server.on("GET", "/v1/clusters/my-dcos/dcos-attach", 200, attach(false));

        CliRunner.Result result = cli.run("cluster-config", "my-dcos", "--dir", dir.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(dir.resolve("dcos-ca.crt")).doesNotExist();
        assertThat(result.out()).contains("Attach the DC/OS CLI: dcos cluster setup http://203.0.113.10\n");
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws Exception {
        server.on("GET", "/v1/clusters/my-dcos/dcos-attach", 200, attach(true));
        Files.writeString(dir.resolve("dcos-ca.crt"), "mine");

        CliRunner.Result refused = cli.run("cluster-config", "my-dcos", "--dir", dir.toString());
        CliRunner.Result forced = cli.run("cluster-config", "my-dcos", "--dir", dir.toString(), "--force");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("exists, use --force to overwrite.");
        assertThat(forced.exit()).isZero();
        assertThat(dir.resolve("dcos-ca.crt")).hasContent(CA.stripTrailing());
    }

    @Test
    void jsonOutputIsTheAttachmentWithTheWrittenFiles() throws Exception {
        server.on("GET", "/v1/clusters/my-dcos/dcos-attach", 200, attach(true));

        CliRunner.Result result = cli.run("-f", "json", "cluster-config", "my-dcos", "--dir", dir.toString());

        JsonNode shown = JSON.readTree(result.out());
        assertThat(shown.get("ui_url").asText()).isEqualTo("https://203.0.113.10/");
        assertThat(shown.get("setup_command").asText()).endsWith("--ca-certs=" + dir.resolve("dcos-ca.crt"));
        assertThat(shown.get("files")).hasSize(2);
    }

    @Test
    void aClusterOfAnotherCoeIsTheServersError() {
        server.on("GET", "/v1/clusters/old-mesos/dcos-attach", 400, """
                {"errors": [{"request_id": "", "code": "client", "status": 400, "title": "Bad Request",
                 "detail": "Cluster old-mesos is a mesos cluster; driver mesos_ubuntu_v1 offers no client attachment.",
                 "links": []}]}""");

        CliRunner.Result result = cli.run("cluster-config", "old-mesos", "--dir", dir.toString());

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("offers no client attachment");
        assertThat(dir.resolve("dcos-cluster-setup.sh")).doesNotExist();
    }
}
