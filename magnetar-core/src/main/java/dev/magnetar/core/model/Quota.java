package dev.magnetar.core.model;

import java.time.Instant;

/** An explicit per-project limit; the only resource Magnum knows is {@code Cluster}. */
public record Quota(long id, String projectId, String resource, int hardLimit, Instant createdAt, Instant updatedAt) {
}
