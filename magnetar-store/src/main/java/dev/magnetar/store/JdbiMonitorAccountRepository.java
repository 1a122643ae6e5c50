package dev.magnetar.store;

import dev.magnetar.core.port.MonitorAccountRepository;
import dev.magnetar.core.port.MonitorAccountRepository.SealedSession;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Monitoring accounts in {@code monitor_accounts}, one per cluster (a unique key), removed with the
 * cluster's row by the foreign key's cascade, so no code path can leave a key behind. The monitor's
 * sealed session token lives on the same row. Spare key pairs wait in {@code monitor_spare_keys}.
 */
final class JdbiMonitorAccountRepository implements MonitorAccountRepository {

    /** Spares a take chooses among, from a random one on, so that concurrent takes rarely meet. */
    private static final int CANDIDATES = 8;

    private final Handle handle;
    private final UniqueKeys uniqueKeys;

    JdbiMonitorAccountRepository(Handle handle, UniqueKeys uniqueKeys) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
    }

    @Override
    public void insert(SealedAccount account) {
        uniqueKeys.orConflict(() -> handle.createUpdate("INSERT INTO monitor_accounts (cluster_uuid, account_uid,"
                                + " public_key, sealed_private_key, created_at) VALUES (:cluster_uuid, :uid,"
                                + " :public_key, :sealed, :created_at)")
                        .bind("cluster_uuid", account.clusterUuid())
                        .bind("uid", account.uid())
                        .bind("public_key", account.publicKeyPem())
                        .bind("sealed", account.sealedPrivateKey())
                        .bind("created_at", Instants.argument(account.createdAt()))
                        .execute(),
                () -> "Cluster " + account.clusterUuid() + " already has a monitoring account.");
    }

    @Override
    public Optional<SealedAccount> find(String clusterUuid) {
        return handle.createQuery("SELECT * FROM monitor_accounts WHERE cluster_uuid = :uuid")
                .bind("uuid", clusterUuid)
                .map((row, ctx) -> {
                    String sealedToken = row.getString("sealed_session_token");
                    Instant expiresAt = Instants.read(row, "session_expires_at");
                    return new SealedAccount(row.getString("cluster_uuid"), row.getString("account_uid"),
                            row.getString("public_key"), row.getString("sealed_private_key"),
                            Instants.read(row, "created_at"), sealedToken == null || expiresAt == null ? null
                            : new SealedSession(sealedToken, expiresAt));
                })
                .findOne();
    }

    @Override
    public boolean keepSession(String clusterUuid, SealedSession session) {
        return handle.createUpdate("UPDATE monitor_accounts SET sealed_session_token = :token,"
                        + " session_expires_at = :expires_at WHERE cluster_uuid = :uuid")
                .bind("token", session.sealedToken())
                .bind("expires_at", Instants.argument(session.expiresAt()))
                .bind("uuid", clusterUuid)
                .execute() == 1;
    }

    @Override
    public void forgetSession(String clusterUuid) {
        handle.createUpdate("UPDATE monitor_accounts SET sealed_session_token = NULL, session_expires_at = NULL"
                        + " WHERE cluster_uuid = :uuid")
                .bind("uuid", clusterUuid)
                .execute();
    }

    @Override
    public void insertSpare(SpareKey key) {
        handle.createUpdate("INSERT INTO monitor_spare_keys (key_id, public_key, sealed_private_key, created_at)"
                        + " VALUES (:key_id, :public_key, :sealed, :created_at)")
                .bind("key_id", key.id())
                .bind("public_key", key.publicKeyPem())
                .bind("sealed", key.sealedPrivateKey())
                .bind("created_at", Instants.argument(key.createdAt()))
                .execute();
    }

    @Override
    public int countSpares() {
        return handle.createQuery("SELECT COUNT(*) FROM monitor_spare_keys").mapTo(Integer.class).one();
    }

    /**
     * Reads the oldest few spares and deletes one of them: the one whose delete removed the row is
     * ours. A concurrent take that deleted it first (or holds its row) makes ours find it gone, and
     * the next candidate is tried.
     */
    @Override
    public Optional<SpareKey> takeSpare() {
        List<SpareKey> candidates = handle.createQuery("SELECT key_id, public_key, sealed_private_key, created_at"
                        + " FROM monitor_spare_keys ORDER BY id LIMIT :candidates")
                .bind("candidates", CANDIDATES)
                .map((row, ctx) -> new SpareKey(row.getString("key_id"), row.getString("public_key"),
                        row.getString("sealed_private_key"), Instants.read(row, "created_at")))
                .list();
        int start = candidates.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            SpareKey candidate = candidates.get((start + i) % candidates.size());
            int taken = handle.createUpdate("DELETE FROM monitor_spare_keys WHERE key_id = :key_id")
                    .bind("key_id", candidate.id())
                    .execute();
            if (taken == 1) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
