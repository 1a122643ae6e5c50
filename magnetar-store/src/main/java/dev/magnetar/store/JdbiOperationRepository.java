package dev.magnetar.store;

import dev.magnetar.core.model.Operation;
import dev.magnetar.core.model.OperationKind;
import dev.magnetar.core.model.OperationState;
import dev.magnetar.core.port.OperationRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox in {@code operations}. A claim is a compare-and-set on {@code attempts}, which every
 * claim increments: of two workers that read the same due row, the database lets exactly one update
 * it, and the other's update matches no row. No engine-specific locking ({@code SKIP LOCKED}) is
 * needed, so the same SQL is race-free on H2, PostgreSQL and MariaDB alike.
 *
 * <p>"Still holds it" means {@code lease_owner} is still the worker's name: a worker whose lease ran
 * out but whom no one has replaced may still finish, since its work is done; once another worker
 * claims the operation, the first one's complete, fail and retry match no row.
 */
final class JdbiOperationRepository implements OperationRepository {

    static final Columns COLUMNS = new Columns("operations", List.of("id", "cluster_uuid", "kind", "payload",
            "state", "attempts", "lease_owner", "lease_until", "not_before", "last_error", "created_at",
            "updated_at"));

    /** How many due rows one claim looks at before it gives up to the workers that beat it. */
    private static final int CANDIDATES = 8;

    private static final String DUE = "state = 'PENDING' AND not_before <= :now"
            + " AND (lease_until IS NULL OR lease_until <= :now)";
    private static final String HELD_BY_OWNER = " WHERE id = :id AND state = 'PENDING' AND lease_owner = :owner";

    private static final RowMapper<Operation> MAPPER = (row, ctx) -> new Operation(
            row.getString("id"),
            row.getString("cluster_uuid"),
            OperationArgumentsJson.read(OperationKind.valueOf(row.getString("kind")), row.getString("payload")),
            OperationState.valueOf(row.getString("state")),
            row.getInt("attempts"),
            row.getString("lease_owner"),
            Instants.read(row, "lease_until"),
            Instants.read(row, "not_before"),
            row.getString("last_error"),
            Instants.read(row, "created_at"),
            Instants.read(row, "updated_at"));

    private static final String SELECT = "SELECT " + COLUMNS.select() + " FROM operations t ";

    private final Handle handle;
    private final UniqueKeys uniqueKeys;

    JdbiOperationRepository(Handle handle, UniqueKeys uniqueKeys) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
    }

    @Override
    public void insert(Operation op) {
        uniqueKeys.orConflict(() -> handle.createUpdate(COLUMNS.insert())
                        .bind("id", op.id())
                        .bind("cluster_uuid", op.clusterUuid())
                        .bind("kind", op.kind().name())
                        .bind("payload", OperationArgumentsJson.write(op.arguments()))
                        .bind("state", op.state().name())
                        .bind("attempts", op.attempts())
                        .bind("lease_owner", op.leaseOwner())
                        .bind("lease_until", Instants.argument(op.leaseUntil()))
                        .bind("not_before", Instants.argument(op.notBefore()))
                        .bind("last_error", op.lastError())
                        .bind("created_at", Instants.argument(op.createdAt()))
                        .bind("updated_at", Instants.argument(op.updatedAt()))
                        .execute(),
                () -> "An operation with id " + op.id() + " already exists.");
    }

    @Override
    public Optional<Operation> findById(String id) {
        return handle.createQuery(SELECT + "WHERE t.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    @Override
    public Optional<Operation> claimNext(String owner, Instant now, Duration lease) {
        List<Candidate> due = handle.createQuery("SELECT id, attempts FROM operations WHERE " + DUE
                        + " ORDER BY created_at, seq LIMIT :candidates")
                .bind("now", Instants.argument(now))
                .bind("candidates", CANDIDATES)
                .map((row, ctx) -> new Candidate(row.getString("id"), row.getInt("attempts")))
                .list();
        for (Candidate candidate : due) {
            int claimed = handle.createUpdate("UPDATE operations SET lease_owner = :owner, lease_until = :until,"
                            + " attempts = attempts + 1, updated_at = :now"
                            + " WHERE id = :id AND attempts = :attempts AND " + DUE)
                    .bind("owner", owner)
                    .bind("until", Instants.argument(now.plus(lease)))
                    .bind("now", Instants.argument(now))
                    .bind("id", candidate.id())
                    .bind("attempts", candidate.attempts())
                    .execute();
            if (claimed == 1) {
                return findById(candidate.id());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean complete(String id, String owner, Instant now) {
        return updateHeld("state = 'DONE', lease_until = NULL", id, owner, now)
                .execute() == 1;
    }

    @Override
    public boolean fail(String id, String owner, String error, Instant now) {
        return updateHeld("state = 'FAILED', lease_until = NULL, last_error = :error", id, owner, now)
                .bind("error", error)
                .execute() == 1;
    }

    @Override
    public boolean retryLater(String id, String owner, Instant notBefore, String error, Instant now) {
        return updateHeld("lease_owner = NULL, lease_until = NULL, not_before = :not_before, last_error = :error",
                id, owner, now)
                .bind("not_before", Instants.argument(notBefore))
                .bind("error", error)
                .execute() == 1;
    }

    /** An update of a pending operation that {@code owner} still holds; it matches no row otherwise. */
    private Update updateHeld(String assignments, String id, String owner, Instant now) {
        return handle.createUpdate("UPDATE operations SET " + assignments + ", updated_at = :now" + HELD_BY_OWNER)
                .bind("now", Instants.argument(now))
                .bind("id", id)
                .bind("owner", owner);
    }

    @Override
    public List<Operation> pendingFor(String clusterUuid) {
        return handle.createQuery(SELECT + "WHERE t.cluster_uuid = :cluster AND t.state = 'PENDING'"
                        + " ORDER BY t.created_at, t.seq")
                .bind("cluster", clusterUuid)
                .map(MAPPER)
                .list();
    }

    @Override
    public int countPending() {
        return handle.createQuery("SELECT COUNT(*) FROM operations WHERE state = 'PENDING'")
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public Set<String> clustersWithPending() {
        return Set.copyOf(handle.createQuery("SELECT DISTINCT cluster_uuid FROM operations WHERE state = 'PENDING'")
                .mapTo(String.class)
                .list());
    }

    private record Candidate(String id, int attempts) {
    }
}
