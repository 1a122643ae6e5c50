package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bay and cluster commands: bodies, paths, microversion-dependent answers and output. */
class ClusterCommandsTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE_UUID = "0c154b75-e843-47bd-92b5-64f54699f4ac";
    private static final String CLUSTER_UUID = "5acf5a16-6201-4fa0-a9d9-3383cf002bf1";
    private static final String TEMPLATE = "{\"uuid\": \"" + TEMPLATE_UUID + "\", \"name\": \"dcos-model\", "
            + "\"coe\": \"dcos\", \"links\": []}";
    private static final String CLUSTER = """
            {"uuid": "%s", "name": "dcos-1", "cluster_template_id": "%s", "keypair": "default",
             "node_count": 2, "master_count": 1, "status": "CREATE_COMPLETE", "node_addresses": ["10.0.0.5", "10.0.0.6"],
             "links": [{"href": "http://127.0.0.1:9511/v1/clusters/x", "rel": "self"}]}""".formatted(CLUSTER_UUID, TEMPLATE_UUID);

    @Test
    void bayCreateResolvesTheBaymodelAndReportsTheAcceptedUuid() throws Exception {
        server.on("GET", "/v1/baymodels/dcos-model", 200, TEMPLATE);
        server.on("POST", "/v1/bays", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        CliRunner.Result result = cli.run("bay-create", "--name", "dcos-1", "--baymodel", "dcos-model",
                "--node-count", "2", "--timeout", "30");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "dcos-1", "baymodel_id": "%s", "node_count": 2, "master_count": 1,
                 "bay_create_timeout": 30}""".formatted(TEMPLATE_UUID)));
        assertThat(result.out()).isEqualTo("Request to create bay " + CLUSTER_UUID + " has been accepted.\n");
    }

    @Test
    void bayCreateAtMicroversionOnePointOneShowsTheBayTheServerReturns() {
        server.on("GET", "/v1/baymodels/dcos-model", 200, TEMPLATE);
        server.on("POST", "/v1/bays", 201, """
                {"uuid": "%s", "name": "dcos-1", "baymodel_id": "%s", "status": "CREATE_IN_PROGRESS"}"""
                .formatted(CLUSTER_UUID, TEMPLATE_UUID));

        CliRunner.Result result = cli.run("--api-version", "1.1", "bay-create", "--baymodel", "dcos-model");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").header("OpenStack-API-Version")).isEqualTo("container-infra 1.1");
        assertThat(result.out()).contains("| status      | CREATE_IN_PROGRESS                   |")
                .doesNotContain("has been accepted");
    }

    @Test
    void clusterCreateSendsOnlyWhatWasGivenPlusTheCountsAndTimeout() throws Exception {
        server.on("GET", "/v1/clustertemplates/dcos-model", 200, TEMPLATE);
        server.on("POST", "/v1/clusters", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        CliRunner.Result result = cli.run("cluster-create", "dcos-1", "--cluster-template", "dcos-model",
                "--keypair", "default", "--labels", "dcos_overlay_enable=false,dns_search=corp", "--merge-labels",
                "--node-count", "3", "--flavor", "m1.large", "--master-flavor-id", "m1.xlarge",
                "--docker-volume-size", "10", "--master-lb-enabled");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "dcos-1", "cluster_template_id": "%s", "keypair": "default", "docker_volume_size": 10,
                 "labels": {"dcos_overlay_enable": "false", "dns_search": "corp"}, "merge_labels": true,
                 "node_count": 3, "master_count": 1, "create_timeout": 60, "flavor_id": "m1.large",
                 "master_flavor_id": "m1.xlarge", "master_lb_enabled": true}""".formatted(TEMPLATE_UUID)));
        assertThat(result.out()).isEqualTo("Request to create cluster " + CLUSTER_UUID + " has been accepted.\n");
    }

    @Test
    void clusterCreateWithJsonOutputPrintsTheServersAnswer() {
        server.on("GET", "/v1/clustertemplates/t", 200, TEMPLATE);
        server.on("POST", "/v1/clusters", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        CliRunner.Result result = cli.run("-f", "json", "cluster-create", "--name", "c", "--cluster-template", "t");

        assertThat(result.out()).isEqualTo("{\n  \"uuid\": \"" + CLUSTER_UUID + "\"\n}\n");
    }

    @Test
    void clusterUpdateWithRollbackAddsTheQueryFlagAndIsAccepted() throws Exception {
        server.on("PATCH", "/v1/clusters/dcos-1?rollback=True", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        CliRunner.Result result = cli.run("cluster-update", "dcos-1", "--rollback", "replace", "node_count=3");

        assertThat(result.exit()).isZero();
        assertThat(server.only("PATCH").json())
                .isEqualTo(JSON.readTree("[{\"op\": \"replace\", \"path\": \"/node_count\", \"value\": 3}]"));
        assertThat(result.out()).isEqualTo("Request to update cluster dcos-1 has been accepted.\n");
    }

    @Test
    void anUnknownPatchOperationIsRefusedBeforeAnythingIsSent() {
        CliRunner.Result result = cli.run("bay-update", "b", "test", "node_count=3");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Unknown PATCH operation: test\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void resizeNamesTheNodesToRemove() throws Exception {
        server.on("POST", "/v1/clusters/dcos-1/actions/resize", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        CliRunner.Result result = cli.run("cluster-resize", "dcos-1", "1", "--nodes-to-remove", "srv-a",
                "--nodes-to-remove", "srv-b");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").json())
                .isEqualTo(JSON.readTree("{\"node_count\": 1, \"nodes_to_remove\": [\"srv-a\", \"srv-b\"]}"));
        assertThat(result.out()).isEqualTo("Request to resize cluster dcos-1 has been accepted.\n");
    }

    @Test
    void resizeWithoutNodesToRemoveSendsTheCountAlone() throws Exception {
        server.on("POST", "/v1/clusters/c/actions/resize", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        cli.run("cluster-resize", "c", "4");

        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("{\"node_count\": 4}"));
    }

    @Test
    void upgradeSendsTheTemplateAndTheBatchSizeAsOpenstackCoeClusterUpgradeDoes() throws Exception {
        server.on("POST", "/v1/clusters/dcos-1/actions/upgrade", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        CliRunner.Result result = cli.run("cluster-upgrade", "dcos-1", "dcos-2.2", "--max-batch-size", "2");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").json())
                .isEqualTo(JSON.readTree("{\"cluster_template\": \"dcos-2.2\", \"max_batch_size\": 2}"));
        assertThat(result.out()).isEqualTo("Request to upgrade cluster dcos-1 has been accepted.\n");
    }

    @Test
    void upgradeUpgradesOneAgentAtATimeUnlessToldAndNamesANodegroupWhenGiven() throws Exception {
        server.on("POST", "/v1/clusters/c/actions/upgrade", 202, "{\"uuid\": \"" + CLUSTER_UUID + "\"}");

        cli.run("cluster-upgrade", "c", "t", "--nodegroup", "default-worker");

        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree(
                "{\"cluster_template\": \"t\", \"max_batch_size\": 1, \"nodegroup\": \"default-worker\"}"));
    }

    @Test
    void clusterListShowsTheMagnumClientColumns() {
        server.on("GET", "/v1/clusters", 200, "{\"clusters\": [" + CLUSTER + "]}");

        CliRunner.Result result = cli.run("cluster-list");

        assertThat(result.out()).isEqualTo("""
                +--------------------------------------+--------+---------+------------+--------------+-----------------+
                | uuid                                 | name   | keypair | node_count | master_count | status          |
                +--------------------------------------+--------+---------+------------+--------------+-----------------+
                | 5acf5a16-6201-4fa0-a9d9-3383cf002bf1 | dcos-1 | default | 2          | 1            | CREATE_COMPLETE |
                +--------------------------------------+--------+---------+------------+--------------+-----------------+
                """);
    }

    @Test
    void bayListShowsItsColumns() {
        server.on("GET", "/v1/bays", 200, "{\"bays\": [{\"uuid\": \"u\", \"name\": \"b\", \"node_count\": 1, "
                + "\"master_count\": 1, \"status\": \"CREATE_FAILED\", \"baymodel_id\": \"t\"}]}");

        assertThat(cli.run("bay-list").out().lines().skip(1).findFirst())
                .hasValue("| uuid | name | node_count | master_count | status        |");
    }

    @Test
    void showLongAddsTheTemplateWithoutItsLinksAndUuid() {
        server.on("GET", "/v1/clusters/dcos-1", 200, CLUSTER);
        server.on("GET", "/v1/clustertemplates/" + TEMPLATE_UUID, 200, TEMPLATE);

        CliRunner.Result result = cli.run("cluster-show", "--long", "dcos-1");

        assertThat(result.out())
                .contains("| node_addresses      | ['10.0.0.5', '10.0.0.6']")
                .contains("| cluster_template    | {'name': 'dcos-model', 'coe': 'dcos'}")
                .doesNotContain("links");
    }

    @Test
    void showWithJsonFormatPrintsTheServersJson() throws Exception {
        server.on("GET", "/v1/clusters/dcos-1", 200, CLUSTER);

        CliRunner.Result result = cli.run("--format", "json", "cluster-show", "dcos-1");

        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(CLUSTER));
    }

    @Test
    void clusterEventsPrintsTheEventsWithTheirOwnFields() {
        server.on("GET", "/v1/clusters/dcos-1/events", 200, """
                {"events": [
                  {"time": "2026-11-24T12:00:00+00:00", "status": "CREATE_IN_PROGRESS", "reason": "Stack CREATE started"},
                  {"time": "2026-11-24T12:09:00+00:00", "status": "CREATE_COMPLETE", "reason": "Stack CREATE completed"}]}""");

        CliRunner.Result result = cli.run("cluster-events", "dcos-1");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
                +---------------------------+--------------------+------------------------+
                | time                      | status             | reason                 |
                +---------------------------+--------------------+------------------------+
                | 2026-11-24T12:00:00+00:00 | CREATE_IN_PROGRESS | Stack CREATE started   |
                | 2026-11-24T12:09:00+00:00 | CREATE_COMPLETE    | Stack CREATE completed |
                +---------------------------+--------------------+------------------------+
                """);
    }

    @Test
    void deleteOfAClusterIsAccepted() {
        server.on("DELETE", "/v1/clusters/dcos-1", 204, "");

        CliRunner.Result result = cli.run("cluster-delete", "dcos-1");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("Request to delete cluster dcos-1 has been accepted.\n");
    }
}
