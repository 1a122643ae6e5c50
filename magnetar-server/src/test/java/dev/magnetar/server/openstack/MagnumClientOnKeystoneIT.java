package dev.magnetar.server.openstack;

import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's unmodified {@code openstack coe} (python-magnumclient) as two projects' users would run
 * it: real Keystone passwords, and Magnetar found through the catalogue's {@code container-infra}
 * endpoint (http://127.0.0.1:9511/v1, where this test's server listens), never an endpoint override.
 */
@ExtendWith(LoopbackOpenStack.class)
class MagnumClientOnKeystoneIT {

    private static LookupStandIn lookups;
    private static TestServer server;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/openstack"));
        if (!installed && "true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_TOOLS"))) {
            throw new AssertionError("python3-openstackclient and python3-magnumclient are required "
                    + "(scripts/ensure-tools.sh installs them)");
        }
        Assumptions.assumeTrue(installed, "python3-openstackclient/python3-magnumclient not installed");
        lookups = LookupStandIn.start(LoopbackCloud.keystone());
        Map<Option, String> options = LoopbackCloud.serverOptions();
        options.put(Option.API_PORT, "9511"); // the catalogue's container-infra endpoint
        server = TestServer.start(options);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            Bays.deleteAll(LoopbackCloud.caller(server.url(), "alpha-member", "alpha"), Duration.ofSeconds(90));
            server.close();
        }
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    void two_projects_manage_their_own_templates_and_clusters_and_are_refused_the_others() {
        OpenStackCli.Run created = osc("alpha-member", "coe", "cluster", "template", "create", "alpha-osc", "--coe", "dcos",
                "--image", "dcos-centos-7.2", "--keypair", "testkey", "--external-network", "1hsdhs88sddds889",
                "--labels", "isolation=docker/volume,launcher=linux,image_providers=docker");
        assertThat(created.status()).as(created.output()).isZero();
        OpenStackCli.Run betaCreated = osc("beta-member", "coe", "cluster", "template", "create", "beta-osc", "--coe", "dcos",
                "--image", "dcos-centos-7.2", "--keypair", "testkey", "--external-network", "public");
        assertThat(betaCreated.status()).as(betaCreated.output()).isZero();

        OpenStackCli.Run updated = osc("alpha-member", "coe", "cluster", "template", "update", "alpha-osc", "replace",
                "dns_nameserver=9.9.9.9");
        assertThat(updated.status()).as(updated.output()).isZero();
        OpenStackCli.Run shown = osc("alpha-member", "coe", "cluster", "template", "show", "alpha-osc");
        assertThat(shown.output()).contains("dcos-centos-7.2", "9.9.9.9");

        OpenStackCli.Run hidden = osc("beta-member", "coe", "cluster", "template", "show", "alpha-osc");
        assertThat(hidden.status()).isNotZero();
        assertThat(hidden.output()).contains("alpha-osc");
        assertThat(osc("beta-member", "coe", "cluster", "template", "list").output())
                .contains("beta-osc").doesNotContain("alpha-osc");
        OpenStackCli.Run byReader = osc("alpha-reader", "coe", "cluster", "template", "create", "by-reader", "--coe", "dcos",
                "--image", "dcos-centos-7.2", "--external-network", "public");
        assertThat(byReader.status()).isNotZero();
        assertThat(byReader.output()).contains("HTTP 403");

        OpenStackCli.Run cluster = osc("alpha-member", "coe", "cluster", "create", "alpha-c", "--cluster-template", "alpha-osc",
                "--node-count", "1");
        assertThat(cluster.status()).as(cluster.output()).isZero();
        assertThat(osc("alpha-member", "coe", "cluster", "list").output()).contains("alpha-c", "CREATE_IN_PROGRESS");
        OpenStackCli.Run othersCluster = osc("beta-member", "coe", "cluster", "show", "alpha-c");
        assertThat(othersCluster.status()).isNotZero();
        assertThat(othersCluster.output()).contains("alpha-c");

        OpenStackCli.Run deleted = osc("alpha-member", "coe", "cluster", "delete", "alpha-c");
        assertThat(deleted.status()).as(deleted.output()).isZero();
        Caller alpha = LoopbackCloud.caller(server.url(), "alpha-member", "alpha"); // cheaper to poll than the CLI
        Slowly.await("alpha-c gone", Duration.ofSeconds(90), () -> alpha.get("/v1/clusters/alpha-c").status(),
                status -> status == 404);
        OpenStackCli.Run alphaDeleted = osc("alpha-member", "coe", "cluster", "template", "delete", "alpha-osc");
        assertThat(alphaDeleted.status()).as(alphaDeleted.output()).isZero();
        OpenStackCli.Run betaDeleted = osc("beta-member", "coe", "cluster", "template", "delete", "beta-osc");
        assertThat(betaDeleted.status()).as(betaDeleted.output()).isZero();
    }

    /** {@code openstack ...} as a test user ({@code <project>-<role>}) in its own project. */
    private static OpenStackCli.Run osc(String user, String... args) {
        return OpenStackCli.run(user, user.substring(0, user.indexOf('-')), args);
    }
}
