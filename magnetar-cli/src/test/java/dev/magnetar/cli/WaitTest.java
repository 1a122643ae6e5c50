package dev.magnetar.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --wait}: progress as the status changes, and the exit status of the outcome. */
class WaitTest extends CliAgainstFakeMagnum {

    private static final String UUID = "81300224-9b89-4f7b-bafe-31e7e412b4ac";
    private static final String TEMPLATE = "{\"uuid\": \"t-uuid\", \"name\": \"t\"}";

    @BeforeEach
    void stubTheTemplateAndTheCreate() {
        server.on("GET", "/v1/clustertemplates/t", 200, TEMPLATE);
        server.on("POST", "/v1/clusters", 202, "{\"uuid\": \"" + UUID + "\"}");
    }

    private void clusterStatuses(String... statuses) {
        for (String status : statuses) {
            server.on("GET", "/v1/clusters/" + UUID, 200, "{\"uuid\": \"" + UUID + "\", \"status\": \"" + status + "\"}");
        }
    }

    @Test
    void createWaitsUntilCompleteReportingEachChangeWithItsElapsedTime() {
        clusterStatuses("CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE");

        CliRunner.Result result = cli.run("cluster-create", "c", "--cluster-template", "t", "--wait");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
                Request to create cluster %s has been accepted.
                [00:00:00] CREATE_IN_PROGRESS
                [00:00:15] CREATE_COMPLETE
                """.formatted(UUID));
        assertThat(cli.time().sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void thePollIntervalComesFromTheEnvironment() {
        clusterStatuses("CREATE_IN_PROGRESS", "CREATE_COMPLETE");

        cli.env("MAGNETAR_POLL_INTERVAL", "0.25").run("cluster-create", "c", "--cluster-template", "t", "--wait");

        assertThat(cli.time().sleeps()).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void aFailedOperationPrintsItsReasonAndFaultsAndExitsOne() {
        server.on("PATCH", "/v1/clusters/c", 202, "{\"uuid\": \"" + UUID + "\"}");
        server.on("GET", "/v1/clusters/" + UUID, 200, "{\"status\": \"UPDATE_IN_PROGRESS\"}");
        server.on("GET", "/v1/clusters/" + UUID, 200, """
                {"status": "UPDATE_FAILED", "status_reason": "Resource UPDATE failed: OverLimit: Quota exceeded for cores",
                 "faults": {"dcos_slaves": "OverLimit: Quota exceeded for cores"}}""");

        CliRunner.Result result = cli.run("cluster-update", "c", "replace", "node_count=40", "--wait");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                Request to update cluster c has been accepted.
                [00:00:00] UPDATE_IN_PROGRESS
                [00:00:05] UPDATE_FAILED
                status_reason: Resource UPDATE failed: OverLimit: Quota exceeded for cores
                faults:
                  dcos_slaves: OverLimit: Quota exceeded for cores
                """);
    }

    @Test
    void bayFailuresAreReadFromBayFaults() {
        server.on("GET", "/v1/baymodels/t", 200, TEMPLATE);
        server.on("POST", "/v1/bays", 202, "{\"uuid\": \"" + UUID + "\"}");
        server.on("GET", "/v1/bays/" + UUID, 200, """
                {"status": "CREATE_FAILED", "status_reason": "timed out", "bay_faults": {"dcos_master": "timed out"}}""");

        CliRunner.Result result = cli.run("bay-create", "--baymodel", "t", "--wait");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("bay_faults:\n  dcos_master: timed out\n");
    }

    @Test
    void deleteWaitsUntilTheResourceIsGone() {
        server.on("DELETE", "/v1/bays/b", 204, "");
        server.on("GET", "/v1/bays/b", 200, "{\"status\": \"DELETE_IN_PROGRESS\"}");
        server.fails("GET", "/v1/bays/b", 404, "Cluster b could not be found.");

        CliRunner.Result result = cli.run("bay-delete", "b", "--wait");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
                Request to delete bay b has been accepted.
                [00:00:00] DELETE_IN_PROGRESS
                [00:00:05] deleted
                """);
    }

    @Test
    void aFailedDeleteExitsOne() {
        server.on("DELETE", "/v1/clusters/c", 204, "");
        server.on("GET", "/v1/clusters/c", 200, "{\"status\": \"DELETE_FAILED\", \"status_reason\": \"stack busy\"}");

        CliRunner.Result result = cli.run("cluster-delete", "--wait", "c");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).endsWith("[00:00:00] DELETE_FAILED\nstatus_reason: stack busy\n");
    }

    @Test
    void aClusterThatVanishesWhileCreatingIsAnError() {
        server.fails("GET", "/v1/clusters/" + UUID, 404, "Cluster " + UUID + " could not be found.");

        CliRunner.Result result = cli.run("cluster-create", "c", "--cluster-template", "t", "--wait");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("Cluster " + UUID + " could not be found. (HTTP 404)");
    }

    @Test
    void withJsonOutputProgressGoesToStandardErrorAndStandardOutputStaysJson() {
        clusterStatuses("CREATE_IN_PROGRESS", "CREATE_COMPLETE");

        CliRunner.Result result = cli.run("-f", "json", "cluster-create", "c", "--cluster-template", "t", "--wait");

        assertThat(result.out()).isEqualTo("{\n  \"uuid\": \"" + UUID + "\"\n}\n");
        assertThat(result.err()).isEqualTo("[00:00:00] CREATE_IN_PROGRESS\n[00:00:05] CREATE_COMPLETE\n");
    }

    @Test
    void resizeCanWaitToo() {
        server.on("POST", "/v1/clusters/c/actions/resize", 202, "{\"uuid\": \"" + UUID + "\"}");
        clusterStatuses("UPDATE_COMPLETE");

        CliRunner.Result result = cli.run("cluster-resize", "c", "2", "--wait");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).endsWith("[00:00:00] UPDATE_COMPLETE\n");
    }
}
