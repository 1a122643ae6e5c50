package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Baymodel and cluster-template commands: what they send and what they print. */
class TemplateCommandsTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = """
            {"uuid": "a42f32df-b3ab-449d-a562-6598061ab3e8", "name": "dcos-model", "coe": "dcos",
             "image_id": "centos-dcos", "labels": {"dcos_overlay_enable": "true"}, "public": false,
             "keypair_id": null,
             "links": [{"href": "http://127.0.0.1:9511/v1/baymodels/a42f32df-b3ab-449d-a562-6598061ab3e8", "rel": "self"}]}""";

    @Test
    void baymodelCreateSendsEveryFieldWithTheMagnumClientDefaultsAndShowsTheResult() throws Exception {
        server.on("POST", "/v1/baymodels", 201, TEMPLATE);

        CliRunner.Result result = cli.run("baymodel-create", "--name", "dcos-model", "--image-id", "centos-dcos",
                "--keypair-id", "default", "--external-network-id", "public", "--coe", "dcos",
                "--labels", "dcos_overlay_enable=true,dns_search=corp", "--docker-volume-size", "5",
                "--floating-ip-disabled", "--master-lb-enabled");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "dcos-model", "flavor_id": "m1.medium", "image_id": "centos-dcos", "keypair_id": "default",
                 "external_network_id": "public", "dns_nameserver": "8.8.8.8", "docker_volume_size": 5,
                 "docker_storage_driver": "devicemapper", "coe": "dcos",
                 "labels": {"dcos_overlay_enable": "true", "dns_search": "corp"},
                 "tls_disabled": false, "public": false, "registry_enabled": false, "server_type": "vm",
                 "master_lb_enabled": true, "floating_ip_enabled": false}"""));
        assertThat(server.only("POST").header("Content-Type")).isEqualTo("application/json");
        assertThat(result.out()).isEqualTo("""
                +------------+--------------------------------------+
                | Property   | Value                                |
                +------------+--------------------------------------+
                | uuid       | a42f32df-b3ab-449d-a562-6598061ab3e8 |
                | name       | dcos-model                           |
                | coe        | dcos                                 |
                | image_id   | centos-dcos                          |
                | labels     | {'dcos_overlay_enable': 'true'}      |
                | public     | False                                |
                | keypair_id | -                                    |
                +------------+--------------------------------------+
                """);
    }

    @Test
    void aBaymodelNeedsAKeypairButAClusterTemplateDoesNot() throws Exception {
        CliRunner.Result baymodel = cli.run("baymodel-create", "--image", "centos-dcos",
                "--external-network", "public", "--coe", "dcos");

        assertThat(baymodel.exit()).isEqualTo(2);
        assertThat(baymodel.err()).contains("--keypair-id");
        assertThat(server.requests()).isEmpty();

        server.on("POST", "/v1/clustertemplates", 201, TEMPLATE);
        CliRunner.Result template = cli.run("cluster-template-create", "dcos-ct", "--image", "centos-dcos",
                "--external-network", "public", "--coe", "dcos", "--hidden", "--tags", "prod",
                "--insecure-registry", "10.0.0.9:5000", "--flavor", "m1.large", "--master-flavor", "m1.xlarge");

        assertThat(template.exit()).isZero();
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "dcos-ct", "flavor_id": "m1.large", "master_flavor_id": "m1.xlarge", "image_id": "centos-dcos",
                 "external_network_id": "public", "dns_nameserver": "8.8.8.8",
                 "docker_storage_driver": "devicemapper", "coe": "dcos", "labels": {},
                 "tls_disabled": false, "public": false, "registry_enabled": false, "server_type": "vm",
                 "master_lb_enabled": false, "insecure_registry": "10.0.0.9:5000", "tags": "prod", "hidden": true}"""));
    }

    @Test
    void mutuallyExclusiveFlagsAndMissingRequiredOptionsAreUsageErrors() {
        CliRunner.Result both = cli.run("cluster-template-create", "--image", "i", "--external-network", "n",
                "--coe", "dcos", "--floating-ip-enabled", "--floating-ip-disabled");
        CliRunner.Result noCoe = cli.run("cluster-template-create", "--image", "i", "--external-network", "n");
        CliRunner.Result twoNames = cli.run("cluster-template-create", "a", "--name", "b", "--image", "i",
                "--external-network", "n", "--coe", "dcos");

        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(noCoe.exit()).isEqualTo(2);
        assertThat(noCoe.err()).contains("--coe");
        assertThat(twoNames.exit()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void listSendsThePagingOptionsInTheMagnumClientOrderAndPrintsTheChosenColumns() {
        server.on("GET", "/v1/clustertemplates/detail?limit=5&marker=m-1&sort_key=name&sort_dir=desc", 200, """
                {"clustertemplates": [
                  {"uuid": "u-2", "name": "two", "coe": "dcos", "links": []},
                  {"uuid": "u-1", "name": "one", "coe": "mesos", "links": []}]}""");

        CliRunner.Result result = cli.run("cluster-template-list", "--detail", "--limit", "5", "--marker", "m-1",
                "--sort-key", "name", "--sort-dir", "desc", "--fields", "coe");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
                +------+------+-------+
                | uuid | name | coe   |
                +------+------+-------+
                | u-2  | two  | dcos  |
                | u-1  | one  | mesos |
                +------+------+-------+
                """);
    }

    @Test
    void aFieldTheServerDoesNotReturnIsACommandError() {
        server.on("GET", "/v1/baymodels", 200, "{\"baymodels\": [{\"uuid\": \"u\", \"name\": \"n\"}]}");

        CliRunner.Result result = cli.run("baymodel-list", "--fields", "colour");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Non-existent fields are specified: [colour]");
    }

    @Test
    void aLimitedListFollowsNextLinksOnTheChosenEndpointUntilItHasEnough() {
        server.on("GET", "/v1/baymodels?limit=3", 200, """
                {"baymodels": [{"uuid": "u-1", "name": "a"}, {"uuid": "u-2", "name": "b"}],
                 "next": "http://magnum.example:9511/v1/baymodels?sort_key=id&sort_dir=asc&limit=2&marker=u-2"}""");
        server.on("GET", "/v1/baymodels?sort_key=id&sort_dir=asc&limit=2&marker=u-2", 200, """
                {"baymodels": [{"uuid": "u-3", "name": "c"}, {"uuid": "u-4", "name": "d"}],
                 "next": "http://magnum.example:9511/v1/baymodels?sort_key=id&sort_dir=asc&limit=2&marker=u-4"}""");

        CliRunner.Result result = cli.run("-f", "json", "baymodel-list", "--limit", "3");

        assertThat(result.exit()).isZero();
        assertThat(server.requests()).extracting(FakeMagnum.Request::target).containsExactly(
                "/v1/baymodels?limit=3", "/v1/baymodels?sort_key=id&sort_dir=asc&limit=2&marker=u-2");
        assertThat(result.out()).isEqualTo("""
                [
                  {
                    "uuid": "u-1",
                    "name": "a"
                  },
                  {
                    "uuid": "u-2",
                    "name": "b"
                  },
                  {
                    "uuid": "u-3",
                    "name": "c"
                  }
                ]
                """);
    }

    @Test
    void updateSendsTheJsonPatchAndShowsTheUpdatedTemplate() throws Exception {
        server.on("PATCH", "/v1/clustertemplates/dcos-model", 200, TEMPLATE);

        CliRunner.Result result = cli.run("cluster-template-update", "dcos-model", "replace",
                "labels=dcos_overlay_enable=true,check_time=false", "public=true", "name=renamed");

        assertThat(result.exit()).isZero();
        assertThat(server.only("PATCH").json()).isEqualTo(JSON.readTree("""
                [{"op": "replace", "path": "/labels", "value": {"dcos_overlay_enable": "true", "check_time": "false"}},
                 {"op": "replace", "path": "/public", "value": true},
                 {"op": "replace", "path": "/name", "value": "renamed"}]"""));
        assertThat(result.out()).contains("| uuid       | a42f32df-b3ab-449d-a562-6598061ab3e8 |");
    }

    @Test
    void templatesHaveNoRollbackWaitOrLongOptions() {
        assertThat(cli.run("baymodel-update", "m", "--rollback", "replace", "a=b").exit()).isEqualTo(2);
        assertThat(cli.run("cluster-template-delete", "--wait", "t").exit()).isEqualTo(2);
        assertThat(cli.run("baymodel-show", "--long", "m").exit()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void deleteGoesOnAfterAFailureAndExitsOneIfAnyFailed() {
        server.fails("DELETE", "/v1/baymodels/in-use", 400,
                        "ClusterTemplate in-use is referenced by one or multiple clusters.");
        server.on("DELETE", "/v1/baymodels/free", 204, "");

        CliRunner.Result result = cli.run("baymodel-delete", "in-use", "free");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Delete for baymodel in-use failed: ClusterTemplate in-use is referenced "
                + "by one or multiple clusters. (HTTP 400) (Request-ID: " + FakeMagnum.REQUEST_ID + ")\n");
        assertThat(result.out()).isEqualTo("Request to delete baymodel free has been accepted.\n");
        assertThat(server.requests()).extracting(FakeMagnum.Request::target)
                .containsExactly("/v1/baymodels/in-use", "/v1/baymodels/free");
    }
}
