package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** nodegroup-create/list/show/update/delete: paths under the cluster, bodies and output. */
class NodeGroupCommandsTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = """
            {"uuid": "7d1f9a3e-2b4c-4e5f-8a6b-1c2d3e4f5a6b", "name": "gpu", "role": "agent", "node_count": 2,
             "flavor_id": "g1.large", "image_id": "centos-7", "status": "CREATE_IN_PROGRESS", "is_default": false}""";

    @Test
    void createSendsMagnumsFieldsUnderTheCluster() throws Exception {
        server.on("POST", "/v1/clusters/dcos-1/nodegroups", 202, GROUP);

        CliRunner.Result result = cli.run("nodegroup-create", "dcos-1", "gpu", "--role", "agent", "--node-count", "2",
                "--max-nodes", "4", "--flavor", "g1.large", "--labels", "dcos_mesos_attributes=gpu:true;zone:az1",
                "--merge-labels");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "gpu", "role": "agent", "flavor_id": "g1.large", "node_count": 2, "max_node_count": 4,
                 "labels": {"dcos_mesos_attributes": "gpu:true;zone:az1"}, "merge_labels": true}"""));
        assertThat(result.out()).isEqualTo(
                "Request to create nodegroup 7d1f9a3e-2b4c-4e5f-8a6b-1c2d3e4f5a6b has been accepted.\n");
    }

    @Test
    void listFiltersByRoleAndShowsMagnumsColumns() {
        server.on("GET", "/v1/clusters/dcos-1/nodegroups?role=agent", 200, "{\"nodegroups\": [" + GROUP + "]}");

        CliRunner.Result result = cli.run("nodegroup-list", "dcos-1", "--role", "agent");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("uuid", "flavor_id", "node_count", "gpu", "g1.large");
    }

    @Test
    void showUpdateAndDeleteAddressTheGroupByNameUnderItsCluster() throws Exception {
        server.on("GET", "/v1/clusters/dcos-1/nodegroups/gpu", 200, GROUP);
        server.on("PATCH", "/v1/clusters/dcos-1/nodegroups/gpu", 202, GROUP);
        server.on("DELETE", "/v1/clusters/dcos-1/nodegroups/gpu", 204, "");

        assertThat(cli.run("nodegroup-show", "dcos-1", "gpu").out()).contains("g1.large");
        assertThat(cli.run("nodegroup-update", "dcos-1", "gpu", "replace", "max_node_count=5").exit()).isZero();
        assertThat(server.only("PATCH").json()).isEqualTo(JSON.readTree(
                "[{\"op\": \"replace\", \"path\": \"/max_node_count\", \"value\": 5}]"));
        assertThat(cli.run("nodegroup-delete", "dcos-1", "gpu").out())
                .isEqualTo("Request to delete nodegroup gpu has been accepted.\n");
    }
}
