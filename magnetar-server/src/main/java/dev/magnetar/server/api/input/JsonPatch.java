package dev.magnetar.server.api.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.error.MagnetarException;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The RFC 6902 subset Magnum accepts: {@code add}, {@code replace} and {@code remove} on top-level
 * attributes and one level into objects (labels), with Magnum's refusals for internal and mandatory
 * attributes. Applied to a copy of the resource's JSON view.
 */
public final class JsonPatch {

    private static final List<String> OPS = List.of("remove", "add", "replace");
    private static final Pattern PATH = Pattern.compile("^(/[\\w-]+)+$");

    private final Set<String> internal;
    private final Set<String> mandatory;

    /**
     * @param internal  paths that can never be patched, e.g. {@code /uuid}
     * @param mandatory paths that can be replaced but not removed, e.g. {@code /coe}
     */
    public JsonPatch(Set<String> internal, Set<String> mandatory) {
        this.internal = Set.copyOf(internal);
        this.mandatory = Set.copyOf(mandatory);
    }

    public ObjectNode apply(JsonNode patch, ObjectNode document) {
        if (patch == null || !patch.isArray()) {
            throw MagnetarException.invalid("Invalid input for field/attribute patch. Value: '"
                    + FieldReader.text(patch) + "'. Value not a valid list: " + FieldReader.text(patch));
        }
        ObjectNode result = document.deepCopy();
        for (JsonNode op : patch) {
            applyOne(op, result, (ArrayNode) patch);
        }
        return result;
    }

    private void applyOne(JsonNode op, ObjectNode doc, ArrayNode whole) {
        if (!op.isObject()) {
            throw MagnetarException.invalid("Invalid input for field/attribute patch. Value: '"
                    + FieldReader.text(op) + "'. Each operation must be an object");
        }
        String name = op.path("op").asText(null);
        if (name == null || !OPS.contains(name)) {
            throw FieldReader.invalid("op", FieldReader.text(op.get("op")),
                    "Value should be one of: " + String.join(", ", OPS));
        }
        JsonNode pathNode = op.get("path");
        String path = pathNode == null || !pathNode.isTextual() ? null : pathNode.asText();
        if (path == null || !PATH.matcher(path).matches()) {
            throw FieldReader.invalid("path", FieldReader.text(pathNode), "Value should match the pattern " + PATH.pattern());
        }
        String root = "/" + path.substring(1).split("/")[0];
        if (internal.contains(root)) {
            throw MagnetarException.invalid("'" + root + "' is an internal attribute and can not be updated");
        }
        if (name.equals("remove") && mandatory.contains(path)) {
            throw MagnetarException.invalid("'" + path + "' is a mandatory attribute and can not be removed");
        }
        JsonNode value = op.get("value");
        if (!name.equals("remove") && (value == null || value.isNull())) {
            throw MagnetarException.invalid("'add' and 'replace' operations needs value");
        }
        String[] segments = path.substring(1).split("/");
        if (segments.length > 2) {
            throw cannotApply(whole, "path " + path + " is deeper than this resource's attributes");
        }
        if (segments.length == 1) {
            applyToRoot(name, segments[0], value, doc, whole);
        } else {
            applyToMember(name, segments[0], segments[1], value, doc, whole);
        }
    }

    private void applyToRoot(String op, String field, JsonNode value, ObjectNode doc, ArrayNode whole) {
        boolean exists = doc.has(field);
        switch (op) {
            case "add" -> {
                if (!exists) {
                    throw MagnetarException.invalid(
                            "Adding a new attribute /" + field + " to the root of the resource is not allowed.");
                }
                if (!doc.get(field).isNull()) {
                    throw MagnetarException.invalid(
                            "The attribute /" + field + " has existed, please use 'replace' operation instead.");
                }
                doc.set(field, value);
            }
            case "replace" -> {
                if (!exists) {
                    throw cannotApply(whole, "can't replace a non-existent object '" + field + "'");
                }
                doc.set(field, value);
            }
            default -> {
                if (!exists) {
                    throw cannotApply(whole, "can't remove a non-existent object '" + field + "'");
                }
                doc.putNull(field);
            }
        }
    }

    private void applyToMember(String op, String field, String key, JsonNode value, ObjectNode doc, ArrayNode whole) {
        JsonNode container = doc.get(field);
        if (container == null || container.isNull()) {
            if (op.equals("remove")) {
                throw cannotApply(whole, "can't remove a non-existent object '" + key + "'");
            }
            container = doc.putObject(field);
        }
        if (!container.isObject()) {
            throw cannotApply(whole, "'" + field + "' is not an object");
        }
        ObjectNode members = (ObjectNode) container;
        switch (op) {
            case "add" -> members.set(key, value);
            case "replace" -> {
                if (!members.has(key)) {
                    throw cannotApply(whole, "can't replace a non-existent object '" + key + "'");
                }
                members.set(key, value);
            }
            default -> {
                if (!members.has(key)) {
                    throw cannotApply(whole, "can't remove a non-existent object '" + key + "'");
                }
                members.remove(key);
            }
        }
    }

    private static MagnetarException cannotApply(ArrayNode whole, String reason) {
        return MagnetarException.invalid("Couldn't apply patch '" + whole + "'. Reason: " + reason);
    }
}
