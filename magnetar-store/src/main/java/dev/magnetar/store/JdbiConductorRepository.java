package dev.magnetar.store;

import dev.magnetar.core.model.ConductorRecord;
import dev.magnetar.core.port.ConductorRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;

/**
 * Conductor heartbeats in {@code conductors}, one row per (host, binary). As in Magnum, the first
 * heartbeat registers the service (report_count 0, never seen up) and each later one reports it up.
 * The upsert is an update, then an insert when there was no row; a replica racing itself on the same
 * host loses the insert to the unique key and reports through the update instead.
 */
final class JdbiConductorRepository implements ConductorRepository {

    private static final RowMapper<ConductorRecord> MAPPER = (row, ctx) -> new ConductorRecord(
            row.getLong("id"),
            row.getString("host"),
            row.getString("binary_name"),
            row.getBoolean("disabled"),
            row.getString("disabled_reason"),
            row.getBoolean("forced_down"),
            row.getInt("report_count"),
            Instants.read(row, "last_seen_up"),
            Instants.read(row, "created_at"),
            Instants.read(row, "updated_at"));

    private final Handle handle;
    private final UniqueKeys uniqueKeys;

    JdbiConductorRepository(Handle handle, UniqueKeys uniqueKeys) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
    }

    @Override
    public void heartbeat(String host, String binary, Instant now) {
        if (report(host, binary, now)) {
            return;
        }
        handle.savepoint("register");
        try {
            handle.createUpdate("INSERT INTO conductors (host, binary_name, disabled, forced_down, report_count,"
                            + " created_at, updated_at) VALUES (:host, :binary, FALSE, FALSE, 0, :now, :now)")
                    .bind("host", host)
                    .bind("binary", binary)
                    .bind("now", Instants.argument(now))
                    .execute();
            handle.releaseSavepoint("register");
        } catch (RuntimeException e) {
            if (!uniqueKeys.isUniqueViolation(e)) {
                throw e;
            }
            handle.rollbackToSavepoint("register");
            report(host, binary, now);
        }
    }

    private boolean report(String host, String binary, Instant now) {
        return handle.createUpdate("UPDATE conductors SET report_count = report_count + 1, last_seen_up = :now,"
                        + " updated_at = :now WHERE host = :host AND binary_name = :binary")
                .bind("now", Instants.argument(now))
                .bind("host", host)
                .bind("binary", binary)
                .execute() == 1;
    }

    @Override
    public List<ConductorRecord> list() {
        return handle.createQuery("SELECT * FROM conductors ORDER BY id").map(MAPPER).list();
    }
}
