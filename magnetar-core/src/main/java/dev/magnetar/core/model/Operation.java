package dev.magnetar.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable side effect, written in the same transaction as the state change it serves (an outbox
 * row). Conductor workers claim it with a lease, run it at least once, and every kind is idempotent.
 *
 * @param arguments  what it needs to run, which also says its {@link #kind()}
 * @param leaseOwner the worker holding it, while {@code leaseUntil} is in the future
 */
public record Operation(
        String id,
        String clusterUuid,
        OperationArguments arguments,
        OperationState state,
        int attempts,
        String leaseOwner,
        Instant leaseUntil,
        Instant notBefore,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(state, "state");
    }

    public OperationKind kind() {
        return arguments.kind();
    }

    /** A new pending operation, runnable at once. */
    public static Operation pending(String id, String clusterUuid, OperationArguments arguments, Instant now) {
        return new Operation(id, clusterUuid, arguments, OperationState.PENDING, 0, null, null, now, null, now, now);
    }
}
