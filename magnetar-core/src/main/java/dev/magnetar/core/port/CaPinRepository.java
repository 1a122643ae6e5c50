package dev.magnetar.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate authority each cluster's COE endpoint was found to use at the monitor's first
 * contact (DC/OS: Admin Router's {@code /ca/dcos-ca.crt}), pinned so that every later call trusts
 * that CA and nothing else. A row lives exactly as long as its cluster's row.
 */
public interface CaPinRepository {

    Optional<CaPin> find(String clusterUuid);

    /**
     * Pins the CA unless the cluster has one pinned already: the first pin stands, so two replicas
     * that fetched at the same moment cannot replace each other's.
     *
     * @return true when this pin was stored
     */
    boolean pinIfAbsent(CaPin pin);

    /** Forgets the cluster's pin: the next poll fetches the CA again and pins what it finds. */
    void unpin(String clusterUuid);

    /**
     * @param certificatePem the CA certificate, PEM ({@code BEGIN CERTIFICATE})
     * @param pinnedAt       when it was fetched and pinned
     */
    record CaPin(String clusterUuid, String certificatePem, Instant pinnedAt) {

        public CaPin {
            Objects.requireNonNull(clusterUuid, "clusterUuid");
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(pinnedAt, "pinnedAt");
        }
    }
}
