package dev.magnetar.server.e2e;

import dev.magnetar.server.support.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DC/OS guide's upgrade through the CLI against the embedded default: a 2.1 cluster upgraded to
 * a 2.2 template two agents at a time, its events naming each node, then HEALTHY on 2.2.
 */
class UpgradeE2ETest extends CliWalkBase {

    @Test
    void cluster_upgrade_moves_a_2_1_cluster_to_2_2_node_by_node() {
        String template = "cluster-template-create %s --coe dcos --image dcos-centos-7.2 --keypair testkey"
                + " --external-network public --flavor m1.small --labels dcos_release=%s,dcos_installer_url="
                + "http://files.example.org/dcos/%s/dcos_generate_config.sh";
        assertThat(cli.run(template.formatted("dcos-2.1", "2.1.2", "2.1.2")).status()).isZero();
        assertThat(cli.run(template.formatted("dcos-2.2", "2.2.1", "2.2.1")).status()).isZero();
        assertThat(cli.run("cluster-create my-dcos --cluster-template dcos-2.1 --node-count 3 --wait").status())
                .isZero();
        Eventually.await("on 2.1.2", Duration.ofSeconds(60), () -> cli.run("cluster-show my-dcos").out(),
                out -> out.matches("(?s).*coe_version\\s*\\|\\s*2\\.1\\.2.*"));

        Cli.Result upgraded = cli.run("cluster-upgrade my-dcos dcos-2.2 --max-batch-size 2 --wait");

        assertThat(upgraded.status()).as(upgraded.toString()).isZero();
        assertThat(upgraded.out()).contains("Request to upgrade cluster my-dcos has been accepted.");
        String shown = Eventually.await("HEALTHY on 2.2.1", Duration.ofSeconds(60),
                () -> cli.run("cluster-show my-dcos").out(),
                out -> out.matches("(?s).*coe_version\\s*\\|\\s*2\\.2\\.1.*")
                        && out.matches("(?s).*health_status\\s*\\|\\s*HEALTHY.*"));
        assertThat(shown).containsPattern("status\\s*\\|\\s*UPDATE_COMPLETE");
        assertThat(cli.run("cluster-events my-dcos").out()).contains("upgrade_requested", "node_step",
                "bootstrap: serving the node upgrade script for DC/OS 2.2.1",
                "master-0: upgraded to DC/OS 2.2.1 and healthy again",
                "agent-2: upgraded to DC/OS 2.2.1 and healthy again");
    }
}
