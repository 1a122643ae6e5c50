package dev.magnetar.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.model.OperationArguments;
import dev.magnetar.core.model.OperationKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An operation's arguments in its {@code payload} column, a JSON object with typed values:
 * {@code {"nodes_to_remove":["a","b"],"previous_node_count":3,"rollback":false}} for an update,
 * with {@code "nodegroup"} (the resized group's uuid) when it resizes an added node group,
 * {@code {"max_batch_size":2,"previous_template_id":"…"}} for an upgrade, {@code {"rollback":false}} for a
 * restack, {@code {}} for a create or a delete. The keys are spelled out here, not taken from the record
 * components, so renaming a component cannot change what is stored.
 *
 * <p>Rows written before these types hold a flat map of strings: {@code nodes_to_remove} joined
 * by newlines, {@code rollback} and {@code previous_node_count} as text. They are read as well, so a
 * conductor of this version runs what one of the previous version queued during a rolling upgrade.
 */
final class OperationArgumentsJson {

    static final String NODES_TO_REMOVE = "nodes_to_remove";
    static final String PREVIOUS_NODE_COUNT = "previous_node_count";
    static final String ROLLBACK = "rollback";
    static final String PREVIOUS_TEMPLATE_ID = "previous_template_id";
    static final String MAX_BATCH_SIZE = "max_batch_size";
    static final String NODEGROUP = "nodegroup";

    private OperationArgumentsJson() {
    }

    static String write(OperationArguments arguments) {
        return JsonColumns.write(switch (arguments) {
            case OperationArguments.Create create -> Map.of();
            case OperationArguments.Update update -> update.nodeGroup() == null
                    ? Map.of(NODES_TO_REMOVE, update.nodesToRemove(), PREVIOUS_NODE_COUNT, update.previousNodeCount(),
                            ROLLBACK, update.rollback())
                    : Map.of(NODES_TO_REMOVE, update.nodesToRemove(), PREVIOUS_NODE_COUNT, update.previousNodeCount(),
                            ROLLBACK, update.rollback(), NODEGROUP, update.nodeGroup());
            case OperationArguments.Restack restack -> Map.of(ROLLBACK, restack.rollback());
            case OperationArguments.Upgrade upgrade -> Map.of(
                    PREVIOUS_TEMPLATE_ID, upgrade.previousTemplateId(),
                    MAX_BATCH_SIZE, upgrade.maxBatchSize());
            case OperationArguments.Delete delete -> Map.of();
        });
    }

    static OperationArguments read(OperationKind kind, String json) {
        JsonNode stored = JsonColumns.readTree(json);
        return switch (kind) {
            case CREATE_CLUSTER -> new OperationArguments.Create();
            case UPDATE_CLUSTER -> new OperationArguments.Update(previousNodeCount(stored, json),
                    nodesToRemove(stored.path(NODES_TO_REMOVE)), rollback(stored.path(ROLLBACK)),
                    stored.path(NODEGROUP).isTextual() ? stored.path(NODEGROUP).textValue() : null);
            case RESTACK_CLUSTER -> new OperationArguments.Restack(rollback(stored.path(ROLLBACK)));
            case UPGRADE_CLUSTER -> new OperationArguments.Upgrade(required(stored, PREVIOUS_TEMPLATE_ID, json).asText(),
                    required(stored, MAX_BATCH_SIZE, json).asInt());
            case DELETE_CLUSTER -> new OperationArguments.Delete();
        };
    }

    /** Upgrades came with typed arguments from the start: no older spelling to read. */
    private static JsonNode required(JsonNode stored, String key, String json) {
        JsonNode value = stored.path(key);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("Stored operation arguments lack " + key + ": " + json);
        }
        return value;
    }

    private static int previousNodeCount(JsonNode stored, String json) {
        JsonNode count = stored.path(PREVIOUS_NODE_COUNT);
        if (count.isInt()) {
            return count.intValue();
        }
        if (count.isTextual()) {
            try {
                return Integer.parseInt(count.textValue());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Stored operation arguments are corrupt: " + json, e);
            }
        }
        throw new IllegalStateException("Stored operation arguments lack " + PREVIOUS_NODE_COUNT + ": " + json);
    }

    /** A JSON array today; text joined by newlines, the empty text for none, in older rows. */
    private static List<String> nodesToRemove(JsonNode nodes) {
        if (nodes.isTextual()) {
            return nodes.textValue().isEmpty() ? List.of() : Arrays.asList(nodes.textValue().split("\n"));
        }
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.asText()));
        return names;
    }

    /** A JSON boolean today, {@code "true"} or {@code "false"} in older rows; absent means no rollback. */
    private static boolean rollback(JsonNode rollback) {
        return rollback.isTextual() ? Boolean.parseBoolean(rollback.textValue()) : rollback.booleanValue();
    }
}
