package dev.magnetar.server.e2e;

import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's python-magnumclient and openstackclient, unmodified, drive our server: `openstack coe`
 * with no auth pointed at our endpoint, and the legacy `magnum` shell with an endpoint override.
 */
class PythonMagnumClientIT {

    static TestServer server;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/openstack")) && Files.isExecutable(Path.of("/usr/bin/magnum"));
        if (!installed && "true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_TOOLS"))) {
            throw new AssertionError("python3-openstackclient and python3-magnumclient are required "
                    + "(scripts/ensure-tools.sh installs them)");
        }
        Assumptions.assumeTrue(installed, "python3-openstackclient/python3-magnumclient not installed");
        // The monitor polls every second, so a settled DC/OS cluster's Admin Router CA is pinned at once.
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "1000"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Run osc(String... args) {
        List<String> command = new ArrayList<>(List.of("openstack", "--os-auth-type", "none",
                "--os-endpoint", server.url() + "/v1"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run magnum(String... args) {
        List<String> command = new ArrayList<>(List.of("magnum", "--os-token", "noauth",
                "--os-endpoint-override", server.url()));
        command.addAll(List.of(args));
        return run(command);
    }

    @Test
    void openstack_coe_manages_templates_and_clusters() {
        Run created = osc("coe", "cluster", "template", "create", "osc-dcos", "--coe", "dcos", "--image",
                "dcos-centos-7.2", "--external-network", "public", "--keypair", "testkey", "--flavor", "m1.small",
                "--labels", "isolation=docker/volume,launcher=linux,image_providers=docker");
        assertThat(created.status).as(created.output).isZero();
        assertThat(created.output).contains("osc-dcos", "dcos");

        assertThat(osc("coe", "cluster", "template", "list").output).contains("osc-dcos");
        assertThat(osc("coe", "cluster", "template", "show", "osc-dcos").output).contains("dcos-centos-7.2");

        Run updated = osc("coe", "cluster", "template", "update", "osc-dcos", "replace", "flavor_id=m1.large");
        assertThat(updated.status).as(updated.output).isZero();
        assertThat(osc("coe", "cluster", "template", "show", "osc-dcos").output).contains("m1.large");

        Run refused = osc("coe", "cluster", "template", "create", "bad", "--coe", "dcos", "--image", "dcos-centos-7.2",
                "--external-network", "public", "--labels", "launcher=posix,isolation=cgroups/cpu");
        assertThat(refused.status).isNotZero();
        assertThat(refused.output).contains("launcher", "HTTP 400");

        Run cluster = osc("coe", "cluster", "create", "osc-cluster", "--cluster-template", "osc-dcos", "--node-count", "1");
        assertThat(cluster.status).as(cluster.output).isZero();
        Eventually.await("CREATE_COMPLETE via openstack coe", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "osc-cluster", "-f", "value", "-c", "status").output.trim(),
                status -> status.equals("CREATE_COMPLETE"));
        assertThat(osc("coe", "cluster", "list").output).contains("osc-cluster");
        Run deleted = osc("coe", "cluster", "delete", "osc-cluster");
        assertThat(deleted.status).as(deleted.output).isZero();
        Eventually.await("cluster gone", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "osc-cluster").status, status -> status != 0);
        Run templateDeleted = osc("coe", "cluster", "template", "delete", "osc-dcos");
        assertThat(templateDeleted.status).as(templateDeleted.output).isZero();
    }

    @Test
    void openstack_coe_ca_shows_the_admin_router_ca_and_says_why_sign_and_rotate_are_refused() throws IOException {
        Run template = osc("coe", "cluster", "template", "create", "ca-dcos", "--coe", "dcos", "--image",
                "dcos-centos-7.2", "--external-network", "public", "--keypair", "testkey");
        assertThat(template.status).as(template.output).isZero();
        assertThat(osc("coe", "cluster", "create", "ca-cluster", "--cluster-template", "ca-dcos", "--node-count", "1")
                .status).isZero();
        Run shown = Eventually.await("openstack coe ca show answers", Duration.ofSeconds(60),
                () -> osc("coe", "ca", "show", "ca-cluster"), run -> run.status == 0);
        Path csr = Files.createTempFile("ca-sign", ".csr");
        Files.writeString(csr, "-----BEGIN CERTIFICATE REQUEST-----\nMIIBVTCBvwIBADAW\n-----END CERTIFICATE REQUEST-----\n");

        Run signed = osc("coe", "ca", "sign", "ca-cluster", csr.toString());
        Run rotated = osc("coe", "ca", "rotate", "ca-cluster");

        assertThat(shown.output.strip()).isEqualTo(server.dcos().caCertificatePem().strip());
        assertThat(signed.status).isNotZero();
        assertThat(signed.output).contains("'sign_certificate' is not supported by this driver (HTTP 400)");
        assertThat(rotated.status).isNotZero();
        assertThat(rotated.output).contains("'rotate_ca_certificate' is not supported by this driver (HTTP 400)");
    }

    @Test
    void openstack_coe_nodegroup_adds_lists_bounds_and_deletes_a_pool() {
        assertThat(osc("coe", "cluster", "template", "create", "ng-dcos", "--coe", "dcos", "--image",
                "dcos-centos-7.2", "--external-network", "public", "--keypair", "testkey").status).isZero();
        assertThat(osc("coe", "cluster", "create", "ng-cluster", "--cluster-template", "ng-dcos", "--node-count", "1")
                .status).isZero();
        Eventually.await("CREATE_COMPLETE", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "ng-cluster", "-f", "value", "-c", "status").output.trim(),
                status -> status.equals("CREATE_COMPLETE"));

        Run created = osc("coe", "nodegroup", "create", "ng-cluster", "gpu", "--node-count", "1", "--role", "agent",
                "--labels", "dcos_mesos_attributes=gpu:true", "--merge-labels");
        assertThat(created.status).as(created.output).isZero();
        Run list = osc("coe", "nodegroup", "list", "ng-cluster");
        assertThat(list.status).as(list.output).isZero();
        assertThat(list.output).contains("default-master", "default-worker", "gpu");
        Eventually.await("the pool's stack update", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "ng-cluster", "-f", "value", "-c", "status").output.trim(),
                status -> status.equals("UPDATE_COMPLETE"));
        Run shown = osc("coe", "nodegroup", "show", "ng-cluster", "gpu");
        assertThat(shown.status).as(shown.output).isZero();
        assertThat(shown.output).contains("gpu:true", "UPDATE_COMPLETE");
        Run bounded = osc("coe", "nodegroup", "update", "ng-cluster", "gpu", "replace", "max_node_count=3");
        assertThat(bounded.status).as(bounded.output).isZero();
        assertThat(osc("coe", "nodegroup", "show", "ng-cluster", "gpu", "-f", "value", "-c", "max_node_count")
                .output.trim()).isEqualTo("3");

        Run deleted = osc("coe", "nodegroup", "delete", "ng-cluster", "gpu");
        assertThat(deleted.status).as(deleted.output).isZero();
        Run defaultRefused = osc("coe", "nodegroup", "delete", "ng-cluster", "default-worker");
        assertThat(defaultRefused.output).contains("Deleting a default nodegroup is not supported");
        Eventually.await("the pool gone", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "ng-cluster", "-f", "value", "-c", "status").output.trim(),
                status -> status.equals("UPDATE_COMPLETE"));
        assertThat(osc("coe", "nodegroup", "list", "ng-cluster").output).doesNotContain("gpu");
        assertThat(osc("coe", "cluster", "delete", "ng-cluster").status).isZero();
        Eventually.await("cluster gone", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "ng-cluster").status, status -> status != 0);
        assertThat(osc("coe", "cluster", "template", "delete", "ng-dcos").status).isZero();
    }

    @Test
    void openstack_coe_cluster_upgrade_moves_a_2_1_cluster_to_a_2_2_template() {
        for (String release : List.of("2.1.2", "2.2.1")) {
            Run template = osc("coe", "cluster", "template", "create", "up-" + release, "--coe", "dcos", "--image",
                    "dcos-centos-7.2", "--external-network", "public", "--keypair", "testkey", "--labels",
                    "dcos_release=" + release + ",dcos_installer_url=http://files.example.org/dcos/" + release
                            + "/dcos_generate_config.sh");
            assertThat(template.status).as(template.output).isZero();
        }
        assertThat(osc("coe", "cluster", "create", "up-cluster", "--cluster-template", "up-2.1.2", "--node-count",
                "2").status).isZero();
        Eventually.await("CREATE_COMPLETE on 2.1.2", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "up-cluster", "-f", "value", "-c", "status", "-c", "coe_version")
                        .output, shown -> shown.contains("CREATE_COMPLETE") && shown.contains("2.1.2"));

        Run upgraded = osc("coe", "cluster", "upgrade", "up-cluster", "up-2.2.1", "--max-batch-size", "2");

        assertThat(upgraded.status).as(upgraded.output).isZero();
        assertThat(upgraded.output).contains("Request to upgrade cluster up-cluster has been accepted");
        String shown = Eventually.await("UPDATE_COMPLETE on 2.2.1", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "up-cluster", "-f", "value", "-c", "status", "-c", "coe_version")
                        .output, out -> out.contains("UPDATE_COMPLETE") && out.contains("2.2.1"));
        assertThat(shown).doesNotContain("2.1.2");
        Run downgrade = osc("coe", "cluster", "upgrade", "up-cluster", "up-2.1.2");
        assertThat(downgrade.status).isNotZero();
        assertThat(downgrade.output).contains("no downgrade", "HTTP 400");
        assertThat(osc("coe", "cluster", "delete", "up-cluster").status).isZero();
        Eventually.await("cluster gone", Duration.ofSeconds(60),
                () -> osc("coe", "cluster", "show", "up-cluster").status, status -> status != 0);
    }

    @Test
    void the_legacy_magnum_shell_lists_and_shows_templates_and_clusters() {
        Run created = osc("coe", "cluster", "template", "create", "legacy-dcos", "--coe", "dcos", "--image",
                "dcos-centos-7.2", "--external-network", "public", "--keypair", "testkey");
        assertThat(created.status).as(created.output).isZero();
        Run list = magnum("cluster-template-list");
        assertThat(list.status).as(list.output).isZero();
        assertThat(list.output).contains("legacy-dcos");
        assertThat(magnum("cluster-template-show", "legacy-dcos").output).contains("dcos-centos-7.2");
        Run clusters = magnum("cluster-list");
        assertThat(clusters.status).as(clusters.output).isZero();
        assertThat(magnum("service-list").status).isZero();
        assertThat(magnum("cluster-template-delete", "legacy-dcos").status).isZero();
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
