package dev.magnetar.core.port;

import dev.magnetar.core.model.Quota;

import java.util.List;
import java.util.Optional;

/** Explicit per-project quotas. (project_id, resource) is unique. */
public interface QuotaRepository {

    /** Inserts and returns the stored quota with its generated id. */
    Quota insert(String projectId, String resource, int hardLimit, java.time.Instant now);

    Optional<Quota> find(String projectId, String resource);

    /** Quotas of one project, or of all when {@code projectId} is null, ordered by id. */
    List<Quota> list(String projectId, int limit, Long markerId);

    /**
     * Stores {@code quota}'s hard limit and updated_at (matched by id) if its {@code version} is still
     * the stored one, and increments the stored version. Returns false (and changes nothing) when the
     * quota no longer exists or someone else updated it first.
     */
    boolean update(Quota quota);

    boolean delete(String projectId, String resource);

    /**
     * Takes the lock that makes quota checks of {@code resource} in {@code projectId} one at a time,
     * on every replica, until the calling transaction ends. A caller that then counts what the project
     * holds and adds to it cannot be overtaken by a concurrent one that counted the same.
     */
    void lockUsage(String projectId, String resource, java.time.Instant now);
}
