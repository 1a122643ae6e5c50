package dev.magnetar.store;

import dev.magnetar.core.model.Quota;
import dev.magnetar.core.port.QuotaRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Explicit quotas in {@code quotas}; a second quota for the same (project, resource) is a CONFLICT. */
final class JdbiQuotaRepository implements QuotaRepository {

    private static final RowMapper<Quota> MAPPER = (row, ctx) -> new Quota(
            row.getLong("id"),
            row.getString("project_id"),
            row.getString("resource"),
            row.getInt("hard_limit"),
            Instants.read(row, "created_at"),
            Instants.read(row, "updated_at"));

    private final Handle handle;
    private final UniqueKeys uniqueKeys;

    JdbiQuotaRepository(Handle handle, UniqueKeys uniqueKeys) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
    }

    /** @throws dev.magnetar.core.error.MagnetarException CONFLICT when the project has this quota already */
    @Override
    public Quota insert(String projectId, String resource, int hardLimit, Instant now) {
        uniqueKeys.orConflict(() -> handle.createUpdate("INSERT INTO quotas (project_id, resource, hard_limit,"
                                + " created_at, updated_at) VALUES (:project, :resource, :limit, :now, NULL)")
                        .bind("project", projectId)
                        .bind("resource", resource)
                        .bind("limit", hardLimit)
                        .bind("now", Instants.argument(now))
                        .execute(),
                () -> "Quota for project " + projectId + " already exists for resource " + resource + ".");
        return find(projectId, resource).orElseThrow();
    }

    @Override
    public Optional<Quota> find(String projectId, String resource) {
        return handle.createQuery("SELECT * FROM quotas WHERE project_id = :project AND resource = :resource")
                .bind("project", projectId)
                .bind("resource", resource)
                .map(MAPPER)
                .findOne();
    }

    @Override
    public List<Quota> list(String projectId, int limit, Long markerId) {
        Conditions where = new Conditions();
        if (projectId != null) {
            where.add("project_id = :project", "project", projectId);
        }
        if (markerId != null) {
            where.add("id > :marker", "marker", markerId);
        }
        return where.bindTo(handle.createQuery("SELECT * FROM quotas " + where.where() + " ORDER BY id LIMIT :limit"))
                .bind("limit", limit)
                .map(MAPPER)
                .list();
    }

    @Override
    public boolean update(Quota quota) {
        return handle.createUpdate("UPDATE quotas SET hard_limit = :limit, updated_at = :now WHERE id = :id")
                .bind("limit", quota.hardLimit())
                .bind("now", Instants.argument(quota.updatedAt()))
                .bind("id", quota.id())
                .execute() == 1;
    }

    @Override
    public boolean delete(String projectId, String resource) {
        return handle.createUpdate("DELETE FROM quotas WHERE project_id = :project AND resource = :resource")
                .bind("project", projectId)
                .bind("resource", resource)
                .execute() == 1;
    }
}
