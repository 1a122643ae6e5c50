package dev.magnetar.store;

import dev.magnetar.core.model.Quota;
import dev.magnetar.core.port.QuotaRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Explicit quotas in {@code quotas}; a second quota for the same (project, resource) is a CONFLICT.
 * Updates are optimistic on {@code version}. The lock that serialises quota checks is a row of
 * {@code quota_locks}, made by the first check of a (project, resource).
 */
final class JdbiQuotaRepository implements QuotaRepository {

    private static final RowMapper<Quota> MAPPER = (row, ctx) -> new Quota(
            row.getLong("id"),
            row.getString("project_id"),
            row.getString("resource"),
            row.getInt("hard_limit"),
            Instants.read(row, "created_at"),
            Instants.read(row, "updated_at"),
            row.getLong("version"));

    private final Handle handle;
    private final UniqueKeys uniqueKeys;
    private final Dialect dialect;

    JdbiQuotaRepository(Handle handle, UniqueKeys uniqueKeys, Dialect dialect) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
        this.dialect = dialect;
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
        return handle.createUpdate("UPDATE quotas SET hard_limit = :limit, updated_at = :now, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .bind("limit", quota.hardLimit())
                .bind("now", Instants.argument(quota.updatedAt()))
                .bind("id", quota.id())
                .bind("version", quota.version())
                .execute() == 1;
    }

    @Override
    public boolean delete(String projectId, String resource) {
        return handle.createUpdate("DELETE FROM quotas WHERE project_id = :project AND resource = :resource")
                .bind("project", projectId)
                .bind("resource", resource)
                .execute() == 1;
    }

    /**
     * Locks the (project, resource) row of {@code quota_locks} until the transaction ends, making it
     * first if there is none. When two first checks race to make the row, the engine's upsert (see
     * {@link Dialect#insertOrLockQuotaRow()}) makes the later one wait for the earlier one's
     * transaction and then lock the row. Where the engine still reports the duplicate (H2), the
     * insert is rolled back to a savepoint (PostgreSQL would abort the whole transaction on any
     * failed statement otherwise; it is kept alike on every engine) and the row locked as it is.
     */
    @Override
    public void lockUsage(String projectId, String resource, Instant now) {
        if (lockRow(projectId, resource)) {
            return;
        }
        handle.savepoint("quota_lock");
        try {
            handle.createUpdate(dialect.insertOrLockQuotaRow())
                    .bind("project", projectId)
                    .bind("resource", resource)
                    .bind("now", Instants.argument(now))
                    .execute();
            handle.releaseSavepoint("quota_lock");
        } catch (RuntimeException e) {
            if (!uniqueKeys.isUniqueViolation(e)) {
                throw e;
            }
            handle.rollbackToSavepoint("quota_lock");
            if (!lockRow(projectId, resource)) {
                throw new IllegalStateException("The quota lock of " + projectId + "/" + resource
                        + " was reported as existing but cannot be read", e);
            }
        }
    }

    private boolean lockRow(String projectId, String resource) {
        return handle.createQuery("SELECT project_id FROM quota_locks WHERE project_id = :project"
                        + " AND resource = :resource FOR UPDATE")
                .bind("project", projectId)
                .bind("resource", resource)
                .mapTo(String.class)
                .findOne()
                .isPresent();
    }
}
