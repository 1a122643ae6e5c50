package dev.magnetar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --dry-run} and {@code --output-dir}: the create body goes to the preview endpoint instead. */
class PreviewCommandTest extends CliAgainstFakeMagnum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREVIEW = """
            {"stack_name": "dcos-1-5acf5a16",
             "stack": {"template": "heat_template_version: 2014-10-16\\nresources: {}\\n",
                       "files": {"fragments/configure-dcos.sh": "#!/bin/sh\\necho dcos\\n"},
                       "environment": "resource_registry: {}\\n",
                       "parameters": {"number_of_slaves": 2, "cluster_name": "dcos-1"}},
             "nodes": {"master": {"genconf/config.yaml": "cluster_name: dcos-1\\n", "genconf/ip-detect": "#!/bin/sh\\n"},
                       "agent": {"mesos-slave-common": "MESOS_ISOLATION=cgroups/cpu\\n"}}}""";

    @BeforeEach
    void stubTheTemplateAndThePreview() {
        server.on("GET", "/v1/clustertemplates/dcos-model", 200, "{\"uuid\": \"t-uuid\"}");
        server.on("GET", "/v1/baymodels/dcos-model", 200, "{\"uuid\": \"t-uuid\"}");
        server.on("POST", "/v1/clusters/preview", 200, PREVIEW);
    }

    @Test
    void dryRunPostsTheCreateBodyToThePreviewAndPrintsIt() throws Exception {
        CliRunner.Result result = cli.run("cluster-create", "dcos-1", "--cluster-template", "dcos-model",
                "--node-count", "2", "--labels", "dcos_overlay_enable=false", "--dry-run");

        assertThat(result.exit()).isZero();
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.target())
                .containsExactly("GET /v1/clustertemplates/dcos-model", "POST /v1/clusters/preview");
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "dcos-1", "cluster_template_id": "t-uuid", "labels": {"dcos_overlay_enable": "false"},
                 "node_count": 2, "master_count": 1, "create_timeout": 60}"""));
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(PREVIEW));
    }

    @Test
    void outputDirWritesTheStackAndEveryRolesFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("preview");

        CliRunner.Result result = cli.run("cluster-create", "dcos-1", "--cluster-template", "dcos-model",
                "--output-dir", out.toString());

        assertThat(result.exit()).isZero();
        assertThat(Files.readString(out.resolve("template.yaml"))).isEqualTo("heat_template_version: 2014-10-16\nresources: {}\n");
        assertThat(Files.readString(out.resolve("environment.yaml"))).isEqualTo("resource_registry: {}\n");
        assertThat(JSON.readTree(out.resolve("parameters.json").toFile()))
                .isEqualTo(JSON.readTree("{\"number_of_slaves\": 2, \"cluster_name\": \"dcos-1\"}"));
        assertThat(Files.readString(out.resolve("files/fragments/configure-dcos.sh"))).isEqualTo("#!/bin/sh\necho dcos\n");
        assertThat(Files.readString(out.resolve("master/genconf/config.yaml"))).isEqualTo("cluster_name: dcos-1\n");
        assertThat(Files.readString(out.resolve("master/genconf/ip-detect"))).isEqualTo("#!/bin/sh\n");
        assertThat(Files.readString(out.resolve("agent/mesos-slave-common"))).isEqualTo("MESOS_ISOLATION=cgroups/cpu\n");
        assertThat(result.out()).startsWith("Wrote 7 files to " + out + ":\n  template.yaml\n");
        assertThat(server.requests()).noneMatch(r -> r.target().equals("/v1/clusters") && r.method().equals("POST"));
    }

    @Test
    void aBayDryRunSpeaksTheClusterDialectToThePreview() throws Exception {
        CliRunner.Result result = cli.run("bay-create", "--name", "b", "--baymodel", "dcos-model", "--timeout", "20",
                "--dry-run");

        assertThat(result.exit()).isZero();
        assertThat(server.only("POST").target()).isEqualTo("/v1/clusters/preview");
        assertThat(server.only("POST").json()).isEqualTo(JSON.readTree("""
                {"name": "b", "cluster_template_id": "t-uuid", "node_count": 1, "master_count": 1,
                 "create_timeout": 20}"""));
    }
}
