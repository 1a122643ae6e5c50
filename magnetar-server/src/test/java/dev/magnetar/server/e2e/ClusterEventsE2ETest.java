package dev.magnetar.server.e2e;

import dev.magnetar.server.support.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick start's health and history, through the CLI against the embedded default. */
class ClusterEventsE2ETest extends CliWalkBase {

    @Test
    void cluster_show_reaches_healthy_and_cluster_events_lists_what_happened() {
        assertThat(cli.run("cluster-template-create events-t --coe dcos --image dcos-centos-7.2 --keypair testkey"
                + " --external-network public --flavor m1.small").status()).isZero();
        assertThat(cli.run("cluster-create events-c --cluster-template events-t --node-count 1 --wait").status()).isZero();

        String shown = Eventually.await("HEALTHY", Duration.ofSeconds(20), () -> cli.run("cluster-show events-c").out(),
                out -> out.matches("(?s).*health_status\\s*\\|\\s*HEALTHY.*"));
        Cli.Result events = cli.run("cluster-events events-c");

        assertThat(shown).containsPattern("coe_version\\s*\\|\\s*2\\.2\\.0");
        assertThat(events.status()).as(events.toString()).isZero();
        assertThat(events.out()).contains("time", "kind", "actor", "reason")
                .containsSubsequence("created", "status_changed", "health_changed")
                .contains("conductor", "monitor", "CREATE_IN_PROGRESS -> CREATE_COMPLETE");
    }
}
