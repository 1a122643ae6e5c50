package dev.magnetar.store;

import dev.magnetar.core.port.MonitorAccountRepository;
import dev.magnetar.core.port.MonitorAccountRepository.SealedSession;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Monitoring accounts in {@code monitor_accounts}, one per cluster (a unique key), removed with the
 * cluster's row by the foreign key's cascade, so no code path can leave a key behind. The monitor's
 * sealed session token lives on the same row.
 */
final class JdbiMonitorAccountRepository implements MonitorAccountRepository {

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
}
