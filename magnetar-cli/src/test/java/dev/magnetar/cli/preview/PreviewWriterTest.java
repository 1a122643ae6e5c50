package dev.magnetar.cli.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.cli.error.CommandError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewWriterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final PreviewWriter writer = new PreviewWriter(json);

    @Test
    void objectTemplatesAreRenderedAsYamlAndTextIsKeptVerbatim(@TempDir Path dir) throws Exception {
        JsonNode preview = json.readTree("""
                {"stack": {"template": {"heat_template_version": "2014-10-16", "resources": {}},
                           "environment": "resource_registry: {}\\n",
                           "parameters": {"number_of_slaves": 2}}}""");

        writer.write(preview, dir);

        assertThat(Files.readString(dir.resolve("template.yaml")))
                .isEqualTo("heat_template_version: 2014-10-16\nresources: {}\n");
        assertThat(Files.readString(dir.resolve("environment.yaml"))).isEqualTo("resource_registry: {}\n");
        assertThat(json.readTree(dir.resolve("parameters.json").toFile()))
                .isEqualTo(json.readTree("{\"number_of_slaves\": 2}"));
    }

    @Test
    void fileUrlsBecomePathsUnderFiles(@TempDir Path dir) throws Exception {
        JsonNode preview = json.readTree("""
                {"stack": {"files": {"file:///opt/magnetar/fragments/configure.sh": "#!/bin/sh\\n",
                                     "fragments/write-heat-params.yaml": "x: 1\\n"}}}""");

        assertThat(writer.write(preview, dir)).containsExactly(
                Path.of("files/opt/magnetar/fragments/configure.sh"), Path.of("files/fragments/write-heat-params.yaml"));
        assertThat(Files.readString(dir.resolve("files/opt/magnetar/fragments/configure.sh"))).isEqualTo("#!/bin/sh\n");
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRefused(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"../escape.sh", "a/../../b", "file:///../x", "a\\\\..\\\\b", ""}) {
            JsonNode preview = json.createObjectNode().set("stack", json.createObjectNode()
                    .set("files", json.createObjectNode().put(name, "boom")));
            assertThatThrownBy(() -> writer.write(preview, dir.resolve("out")))
                    .as(name).isInstanceOf(CommandError.class).hasMessageContaining("not a safe relative path");
        }
        JsonNode badRole = json.readTree("{\"nodes\": {\"..\": {\"x\": \"boom\"}}}");
        assertThatThrownBy(() -> writer.write(badRole, dir.resolve("out"))).isInstanceOf(CommandError.class);
        assertThat(dir.getParent().resolve("escape.sh")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
