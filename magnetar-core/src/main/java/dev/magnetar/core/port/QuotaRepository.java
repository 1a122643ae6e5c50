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

    boolean update(Quota quota);

    boolean delete(String projectId, String resource);
}
