package dev.magnetar.core.model;

import java.time.Instant;

/**
 * One conductor replica's heartbeat row, listed by {@code /v1/mservices}. Whether it is up is
 * derived from {@code lastSeenUp} at read time.
 */
public record ConductorRecord(
        long id,
        String host,
        String binary,
        boolean disabled,
        String disabledReason,
        boolean forcedDown,
        int reportCount,
        Instant lastSeenUp,
        Instant createdAt,
        Instant updatedAt) {
}
