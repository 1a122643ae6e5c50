package dev.magnetar.core.driver;

import java.util.Objects;

/**
 * One node's part of a stack action as the driver reads it from the stack's resources (during an
 * upgrade: a node upgrading, upgraded, or failing its upgrade). The conductor records each step once
 * as a cluster event, and the first failed step names the node in the cluster's status reason.
 *
 * @param node    the node as users know it (e.g. {@code agent-3}), never a resource path alone
 * @param state   where the node's step is
 * @param message what the event says, naming the node; one message per (node, state), so that a
 *                step already recorded is recognised by it
 */
public record NodeStep(String node, State state, String message) {

    public enum State { IN_PROGRESS, COMPLETE, FAILED }

    public NodeStep {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }
}
