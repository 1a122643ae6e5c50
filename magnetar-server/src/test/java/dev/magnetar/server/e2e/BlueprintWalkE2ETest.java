package dev.magnetar.server.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open DC/OS blueprint's two commands, verbatim, through our CLI against the embedded default
 * (H2, simulated cloud); then the cluster is scaled to three agents and back to one, and deleted.
 * Also the README's quick start with the current names.
 */
class BlueprintWalkE2ETest extends CliWalkBase {

    @Test
    void the_blueprints_commands_create_scale_and_delete_a_dcos_bay() {
        Cli.Result model = cli.run("baymodel-create --name dcosbaymodel --image-id dcos-centos-7.2 --keypair-id testkey"
                + " --external-network-id 1hsdhs88sddds889 --dns-nameserver 8.8.8.8 --flavor-id m1.small"
                + " --docker-volume-size 5 --coe dcos --labels isolation=docker/volume,launcher=linux,image_providers=docker");
        assertThat(model.status()).as(model.toString()).isZero();
        assertThat(model.out()).contains("dcosbaymodel", "dcos_centos_v1", "'isolation': 'docker/volume'");

        Cli.Result bay = cli.run("bay-create --name dcosbay --baymodel dcosbaymodel --node-count 1 --wait");
        assertThat(bay.status()).as(bay.toString()).isZero();
        assertThat(bay.out()).contains("CREATE_COMPLETE");

        Cli.Result shown = cli.run("bay-show dcosbay");
        assertThat(shown.out()).contains("CREATE_COMPLETE").containsPattern("api_address\\s*\\|\\s*http")
                .containsPattern("master_addresses\\s*\\|\\s*\\['172\\.24\\.4\\.")
                .containsPattern("node_addresses\\s*\\|\\s*\\['172\\.24\\.4\\.");

        Cli.Result up = cli.run("bay-update dcosbay replace node_count=3 --wait");
        assertThat(up.status()).as(up.toString()).isZero();
        assertThat(cli.run("bay-show dcosbay").out()).containsPattern("node_count\\s*\\|\\s*3")
                .containsPattern("node_addresses\\s*\\|\\s*\\['[0-9.]+', '[0-9.]+', '[0-9.]+'\\]");

        Cli.Result down = cli.run("bay-update dcosbay replace node_count=1 --wait");
        assertThat(down.status()).as(down.toString()).isZero();
        assertThat(cli.run("bay-show dcosbay").out()).containsPattern("node_count\\s*\\|\\s*1")
                .containsPattern("node_addresses\\s*\\|\\s*\\['[0-9.]+'\\]");

        Cli.Result deleted = cli.run("bay-delete dcosbay --wait");
        assertThat(deleted.status()).as(deleted.toString()).isZero();
        assertThat(cli.run("bay-show dcosbay").status()).isEqualTo(1);
        assertThat(cli.run("baymodel-delete dcosbaymodel").status()).isZero();
    }

    @Test
    void a_legacy_mesos_bay_is_created_scaled_and_deleted() {
        Cli.Result model = cli.run("cluster-template-create mesos-t --coe mesos --image ubuntu-mesos --keypair testkey"
                + " --external-network public --flavor m1.small --labels mesos_slave_isolation=docker/runtime,filesystem/linux"
                + " --labels mesos_slave_image_providers=docker");
        assertThat(model.status()).as(model.toString()).isZero();
        assertThat(model.out()).contains("mesos_ubuntu_v1", "'legacy': True");

        assertThat(cli.run("cluster-create mesos-c --cluster-template mesos-t --node-count 1 --wait").status()).isZero();
        assertThat(cli.run("cluster-show mesos-c").out()).contains("CREATE_COMPLETE")
                .containsPattern("api_address\\s*\\|\\s*http://[0-9.]+:8080");
        assertThat(cli.run("cluster-resize mesos-c 3 --wait").status()).isZero();
        assertThat(cli.run("cluster-show mesos-c").out()).containsPattern("node_count\\s*\\|\\s*3");
        assertThat(cli.run("cluster-resize mesos-c 1 --wait").status()).isZero();
        assertThat(cli.run("cluster-delete mesos-c --wait").status()).isZero();
        assertThat(cli.run("cluster-template-delete mesos-t").status()).isZero();
    }

    @Test
    void an_invalid_agent_flag_combination_is_refused_with_the_rule() {
        Cli.Result refused = cli.run("cluster-template-create bad --coe dcos --image dcos-centos-7.2 --keypair testkey"
                + " --external-network public --labels launcher=posix,isolation=cgroups/cpu");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("launcher").contains("HTTP 400");
    }

    @Test
    void the_readme_quick_start_runs_with_the_cluster_names() {
        assertThat(cli.run("cluster-template-create dcos-template --coe dcos --image dcos-centos-7.2 --keypair testkey"
                + " --external-network public --flavor m1.small --dns-nameserver 8.8.8.8"
                + " --labels isolation=docker/volume,launcher=linux,image_providers=docker").status()).isZero();
        Cli.Result created = cli.run("cluster-create my-dcos --cluster-template dcos-template --node-count 2 --wait");
        assertThat(created.status()).as(created.toString()).isZero();
        assertThat(cli.run("cluster-show my-dcos").out()).contains("CREATE_COMPLETE");
        assertThat(cli.run("cluster-resize my-dcos 3 --wait").status()).isZero();
        assertThat(cli.run("cluster-delete my-dcos --wait").status()).isZero();
        assertThat(cli.run("cluster-template-delete dcos-template").status()).isZero();
    }

    @Test
    void the_dry_run_shows_what_heat_and_each_node_would_receive_without_creating_anything() throws Exception {
        assertThat(cli.run("cluster-template-create preview-t --coe dcos --image dcos-centos-7.2 --keypair testkey"
                + " --external-network public --flavor m1.small").status()).isZero();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("preview");
        Cli.Result preview = cli.run("cluster-create preview-c --cluster-template preview-t --dry-run --output-dir " + dir);
        assertThat(preview.status()).as(preview.toString()).isZero();
        assertThat(dir.resolve("template.yaml")).exists();
        assertThat(dir.resolve("parameters.json")).exists();
        try (var roles = java.nio.file.Files.list(dir)) {
            assertThat(roles.map(p -> p.getFileName().toString())).contains("master");
        }
        assertThat(dir.resolve("master").resolve("config.yaml")).exists();
        assertThat(cli.run("cluster-show preview-c").status()).isEqualTo(1);
        assertThat(cli.run("cluster-template-delete preview-t").status()).isZero();
    }
}
