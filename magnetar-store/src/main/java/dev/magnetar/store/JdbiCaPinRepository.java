package dev.magnetar.store;

import dev.magnetar.core.port.CaPinRepository;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * Pinned CAs in {@code cluster_ca_pins}, one per cluster (a unique key), removed with the cluster's
 * row by the foreign key's cascade. A pin is written only where none is: the insert selects from the
 * cluster's own row, so a cluster deleted meanwhile gets none, and skips a cluster already pinned.
 * Two transactions pinning the same cluster at the same instant (two replicas' first polls) meet
 * the unique key: one commits, the other fails and its poll's health is stored at the next poll,
 * which finds the pin.
 */
final class JdbiCaPinRepository implements CaPinRepository {

    private final Handle handle;

    JdbiCaPinRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<CaPin> find(String clusterUuid) {
        return handle.createQuery("SELECT cluster_uuid, ca_certificate, pinned_at FROM cluster_ca_pins"
                        + " WHERE cluster_uuid = :uuid")
                .bind("uuid", clusterUuid)
                .map((row, ctx) -> new CaPin(row.getString("cluster_uuid"), row.getString("ca_certificate"),
                        Instants.read(row, "pinned_at")))
                .findOne();
    }

    @Override
    public boolean pinIfAbsent(CaPin pin) {
        return handle.createUpdate("INSERT INTO cluster_ca_pins (cluster_uuid, ca_certificate, pinned_at)"
                        + " SELECT c.uuid, :pem, :pinned_at FROM clusters c WHERE c.uuid = :uuid"
                        + " AND NOT EXISTS (SELECT 1 FROM cluster_ca_pins p WHERE p.cluster_uuid = :uuid)")
                .bind("uuid", pin.clusterUuid())
                .bind("pem", pin.certificatePem())
                .bind("pinned_at", Instants.argument(pin.pinnedAt()))
                .execute() == 1;
    }

    @Override
    public void unpin(String clusterUuid) {
        handle.createUpdate("DELETE FROM cluster_ca_pins WHERE cluster_uuid = :uuid")
                .bind("uuid", clusterUuid)
                .execute();
    }
}
