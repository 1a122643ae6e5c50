package dev.magnetar.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A durable side effect, written in the same transaction as the state change it serves (an outbox
 * row). Conductor workers claim it with a lease, run it at least once, and every kind is idempotent.
 *
 * @param payload    kind-specific arguments, e.g. {@code nodes_to_remove} or {@code rollback}
 * @param leaseOwner the worker holding it, while {@code leaseUntil} is in the future
 */
public record Operation(
        String id,
        String clusterUuid,
        OperationKind kind,
        Map<String, String> payload,
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
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** A new pending operation, runnable at once. */
    public static Operation pending(String id, String clusterUuid, OperationKind kind, Map<String, String> payload,
                                    Instant now) {
        return new Operation(id, clusterUuid, kind, payload, OperationState.PENDING, 0, null, null, now, null, now, now);
    }
}
