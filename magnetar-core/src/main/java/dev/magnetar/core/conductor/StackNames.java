package dev.magnetar.core.conductor;

import dev.magnetar.core.model.Cluster;

/**
 * A cluster's stack name: its name plus twelve characters of its uuid, like Magnum's. Derived from
 * stored fields only, so every attempt of a create looks for the same stack and finds the one an
 * earlier, interrupted attempt made.
 */
public final class StackNames {

    private StackNames() {
    }

    public static String of(Cluster cluster) {
        return cluster.name() + "-" + cluster.uuid().replace("-", "").substring(0, 12);
    }
}
