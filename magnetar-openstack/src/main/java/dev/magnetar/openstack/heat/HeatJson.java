package dev.magnetar.openstack.heat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.openstack.http.OpenStackHttp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping between Magnetar's stack records and Heat's v1 JSON: request bodies for create and
 * update, and stacks and resources read back. Pure functions, so they are tested without a Heat.
 */
final class HeatJson {

    private static final ObjectMapper JSON = OpenStackHttp.json();
    private static final ObjectMapper YAML = new YAMLMapper();

    private HeatJson() {
    }

    /** The body of {@code POST /stacks}. */
    static Map<String, Object> createBody(StackRequest request, Map<String, String> registryOverrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stack_name", request.name());
        body.put("template", request.spec().template());
        body.put("files", request.spec().files());
        body.put("environment", environment(request.spec().environment(), registryOverrides));
        body.put("parameters", request.spec().parameters());
        body.put("timeout_mins", request.timeoutMinutes());
        body.put("disable_rollback", request.disableRollback());
        if (request.tags() != null && !request.tags().isEmpty()) {
            body.put("tags", String.join(",", request.tags()));
        }
        return body;
    }

    /**
     * The body of a stack update: for {@code PATCH /stacks/{name}/{id}} the changed parameters only, on the
     * existing template; for an update that brings a template ({@code PUT}), the new template, files and
     * environment and every parameter, so that no parameter of the old template that the new one lacks
     * is carried over.
     */
    static Map<String, Object> updateBody(StackUpdate update, Map<String, String> registryOverrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        update.template().ifPresentOrElse(spec -> {
            body.put("template", spec.template());
            body.put("files", spec.files());
            body.put("environment", environment(spec.environment(), registryOverrides));
        }, () -> body.put("existing", true));
        body.put("parameters", update.changedParameters());
        body.put("disable_rollback", update.disableRollback());
        if (update.timeoutMinutes() > 0) {
            body.put("timeout_mins", update.timeoutMinutes());
        }
        return body;
    }

    /**
     * The environment document as a JSON object, with the overrides forced into its
     * {@code resource_registry}.
     */
    static Map<String, Object> environment(String yaml, Map<String, String> registryOverrides) {
        Map<String, Object> environment = new LinkedHashMap<>();
        if (yaml != null && !yaml.isBlank()) {
            try {
                Map<String, Object> parsed = YAML.readValue(yaml, new TypeReference<>() { });
                if (parsed != null) {
                    environment.putAll(parsed);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The stack environment is not valid YAML: " + e.getOriginalMessage(), e);
            }
        }
        if (!registryOverrides.isEmpty()) {
            Map<String, Object> registry = new LinkedHashMap<>();
            if (environment.get("resource_registry") instanceof Map<?, ?> existing) {
                existing.forEach((k, v) -> registry.put(String.valueOf(k), v));
            }
            registry.putAll(registryOverrides);
            environment.put("resource_registry", registry);
        }
        return environment;
    }

    /** A stack from the {@code stack} object of {@code GET /stacks/{name}/{id}}. */
    static Stack stack(JsonNode stack) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (JsonNode output : stack.path("outputs")) {
            outputs.put(output.path("output_key").asText(), JSON.convertValue(output.path("output_value"), Object.class));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        stack.path("parameters").properties().forEach(p -> {
            if (!p.getKey().startsWith("OS::")) {
                parameters.put(p.getKey(), JSON.convertValue(p.getValue(), Object.class));
            }
        });
        return new Stack(stack.path("id").asText(), stack.path("stack_name").asText(),
                HeatStackStatus.parse(stack.path("stack_status").asText()),
                stack.path("stack_status_reason").asText(null), outputs, parameters);
    }

    /**
     * Resources of {@code GET …/resources?nested_depth=N}, each with its path through nested stacks
     * ({@code nodes/0/server}). Heat lists every resource with a link to the stack that owns it, and
     * stack-backed resources with a link to their nested stack; the path of a resource is the path
     * of the resource whose nested stack owns it, plus its own name.
     */
    static List<StackResource> resources(JsonNode body, String topStackId) {
        Map<String, JsonNode> byNestedStack = new HashMap<>();
        for (JsonNode resource : body.path("resources")) {
            String nested = link(resource, "nested");
            if (nested != null) {
                byNestedStack.put(lastSegment(nested), resource);
            }
        }
        List<StackResource> result = new ArrayList<>();
        for (JsonNode resource : body.path("resources")) {
            result.add(new StackResource(path(resource, topStackId, byNestedStack, 0),
                    resource.path("resource_type").asText(), HeatStackStatus.parse(resource.path("resource_status").asText()),
                    resource.path("resource_status_reason").asText(null)));
        }
        return result;
    }

    private static String path(JsonNode resource, String topStackId, Map<String, JsonNode> byNestedStack, int depth) {
        String name = resource.path("resource_name").asText();
        String owner = link(resource, "stack");
        if (owner == null || lastSegment(owner).equals(topStackId) || depth > 32) {
            return name;
        }
        JsonNode parent = byNestedStack.get(lastSegment(owner));
        if (parent == null) {
            String parentName = resource.path("parent_resource").asText("");
            return parentName.isEmpty() ? name : parentName + "/" + name;
        }
        return path(parent, topStackId, byNestedStack, depth + 1) + "/" + name;
    }

    private static String link(JsonNode resource, String rel) {
        for (JsonNode link : resource.path("links")) {
            if (rel.equals(link.path("rel").asText())) {
                return link.path("href").asText();
            }
        }
        return null;
    }

    private static String lastSegment(String href) {
        String trimmed = href.endsWith("/") ? href.substring(0, href.length() - 1) : href;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
