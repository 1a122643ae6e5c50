package dev.magnetar.core.model;

import java.time.Instant;

/**
 * An explicit per-project limit; the only resource Magnum knows is {@code Cluster}.
 *
 * @param version optimistic-lock counter (not one of Magnum's fields); every stored change increments it
 */
public record Quota(long id, String projectId, String resource, int hardLimit, Instant createdAt, Instant updatedAt,
                    long version) {
}
