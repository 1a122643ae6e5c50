package dev.magnetar.cli.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.cli.error.CommandError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lays out a cluster preview ({@code POST /v1/clusters/preview}) as files an operator can read, diff
 * and hand to {@code openstack stack create}: {@code template.yaml}, {@code environment.yaml},
 * {@code parameters.json}, {@code files/<name>} for the stack's files, and one directory per node
 * role with what that node would receive.
 *
 * <p>The file names come from the server, so each is checked to stay inside the output directory.
 */
public final class PreviewWriter {

    private final ObjectMapper json;
    private final YAMLMapper yaml;

    public PreviewWriter(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.yaml = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build());
    }

    /** Writes the preview under {@code directory}; returns the written files relative to it, in order. */
    public List<Path> write(JsonNode preview, Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        JsonNode stack = preview.path("stack");
        if (present(stack.path("template"))) {
            written.add(write(root, "template.yaml", asYaml(stack.path("template"))));
        }
        if (present(stack.path("environment"))) {
            written.add(write(root, "environment.yaml", asYaml(stack.path("environment"))));
        }
        if (present(stack.path("parameters"))) {
            written.add(write(root, "parameters.json", asJson(stack.path("parameters"))));
        }
        forEachField(stack.path("files"), (name, content) ->
                written.add(write(root, "files/" + relativeName(name), asText(content))));
        forEachField(preview.path("nodes"), (role, files) ->
                forEachField(files, (name, content) ->
                        written.add(write(root, relativeName(role) + "/" + relativeName(name), asText(content)))));
        return written;
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static void forEachField(JsonNode object, FieldAction action) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            action.apply(field.getKey(), field.getValue());
        }
    }

    @FunctionalInterface
    private interface FieldAction {
        void apply(String name, JsonNode value);
    }

    /**
     * Heat file keys are often URLs ({@code file:///.../fragments/x.sh}); the scheme and leading
     * slashes are dropped, and a name that would climb out of the directory is refused.
     */
    static String relativeName(String name) {
        String relative = name.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "").replaceFirst("^/+", "");
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new CommandError("Refusing to write the preview file '" + name + "': not a safe relative path");
            }
        }
        return relative;
    }

    private static Path write(Path root, String relative, String content) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            throw new CommandError("Refusing to write the preview file '" + relative + "' outside " + root);
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content);
        } catch (IOException e) {
            throw new CommandError("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return root.relativize(target);
    }

    /** A template or environment sent as text is kept verbatim; one sent as an object is rendered. */
    private String asYaml(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        try {
            return yaml.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private String asJson(JsonNode node) {
        try {
            return json.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private String asText(JsonNode content) {
        return content.isTextual() ? content.asText() : asJson(content);
    }
}
