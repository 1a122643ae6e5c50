package dev.magnetar.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What an operation needs to run, one record per {@link OperationKind}: the type says which
 * arguments a kind carries, so the conductor reads no key that the service never wrote.
 */
public sealed interface OperationArguments {

    OperationKind kind();

    /** Builds the cluster's stack; its spec says everything the stack needs. */
    record Create() implements OperationArguments {
        @Override
        public OperationKind kind() {
            return OperationKind.CREATE_CLUSTER;
        }
    }

    /**
     * Changes the node count of the cluster's default workers, or of one node group it added, to the one its
     * spec now holds.
     *
     * @param previousNodeCount the node count before this change
     * @param nodesToRemove     the nodes to drop when the count decreases (Magnum's {@code nodes_to_remove}),
     *                          empty to let the driver choose
     * @param rollback          whether the orchestrator rolls the stack back when the update fails
     * @param nodeGroup         the uuid of the added node group resized; null for the default workers
     */
    record Update(int previousNodeCount, List<String> nodesToRemove, boolean rollback, String nodeGroup)
            implements OperationArguments {

        public Update {
            nodesToRemove = List.copyOf(Objects.requireNonNull(nodesToRemove, "nodesToRemove"));
        }

        /** Resizes the default workers. */
        public Update(int previousNodeCount, List<String> nodesToRemove, boolean rollback) {
            this(previousNodeCount, nodesToRemove, rollback, null);
        }

        @Override
        public OperationKind kind() {
            return OperationKind.UPDATE_CLUSTER;
        }
    }

    /**
     * Moves the cluster's stack to the template its spec now names (Magnum's upgrade action): the
     * driver renders the new template's release and rolls it over the nodes.
     *
     * @param previousTemplateId the template the cluster followed before this upgrade
     * @param maxBatchSize       how many agents upgrade at once (Magnum's {@code max_batch_size}, at least 1);
     *                           masters always upgrade one at a time
     */
    record Upgrade(String previousTemplateId, int maxBatchSize) implements OperationArguments {

        public Upgrade {
            Objects.requireNonNull(previousTemplateId, "previousTemplateId");
            if (maxBatchSize < 1) {
                throw new IllegalArgumentException("maxBatchSize must be at least 1: " + maxBatchSize);
            }
        }

        @Override
        public OperationKind kind() {
            return OperationKind.UPGRADE_CLUSTER;
        }
    }

    /**
     * Renders the cluster's whole stack again from its spec and updates the stack with it: a node group was
     * added or removed, which changes the template and not only its parameters.
     *
     * @param rollback whether the orchestrator rolls the stack back when the update fails
     */
    record Restack(boolean rollback) implements OperationArguments {
        @Override
        public OperationKind kind() {
            return OperationKind.RESTACK_CLUSTER;
        }
    }

    /** Deletes the cluster's stack, then the cluster. */
    record Delete() implements OperationArguments {
        @Override
        public OperationKind kind() {
            return OperationKind.DELETE_CLUSTER;
        }
    }
}
