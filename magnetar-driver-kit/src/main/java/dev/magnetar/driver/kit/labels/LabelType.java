package dev.magnetar.driver.kit.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Optional;

/**
 * A label's type as one codec: the name the guide shows, the check a value must pass (answering
 * the broken rule in words a user can act on) and how a checked value is written into a config
 * tree such as DC/OS's {@code config.yaml}. Schemas, renderers and the docs read the same codec, so
 * a type cannot be checked one way and written another. {@link LabelTypes} makes the usual ones.
 */
public interface LabelType {

    /** The type in the guide's words, e.g. {@code bool}, {@code Mesos duration}. */
    String name();

    /** The rule {@code value} breaks, or empty when it is allowed. */
    Optional<String> problem(String value);

    /** A value {@link #problem} allowed, as a config tree node: text unless the type says otherwise. */
    default JsonNode tree(String value) {
        return TextNode.valueOf(value);
    }

    /**
     * The rule a node of a rendered config tree breaks for this type, or empty: the renderer's own
     * last check, so a tree is never handed on with a value its label type would refuse.
     */
    default Optional<String> renderedProblem(JsonNode node) {
        return Optional.empty();
    }

    /** Whether values of this type are secrets (passwords, keys): shown to their owner only. */
    default boolean secret() {
        return false;
    }
}
