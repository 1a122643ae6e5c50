package dev.magnetar.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-cluster accounts the monitor logs in to a COE with. Only the sealed (encrypted) private key
 * is stored; a row lives exactly as long as its cluster's row.
 */
public interface MonitorAccountRepository {

    /**
     * Stores the cluster's account.
     *
     * @throws dev.magnetar.core.error.MagnetarException CONFLICT when the cluster has one already
     */
    void insert(SealedAccount account);

    Optional<SealedAccount> find(String clusterUuid);

    /**
     * @param uid              the account's name in the COE
     * @param publicKeyPem     X.509 SubjectPublicKeyInfo, PEM ({@code BEGIN PUBLIC KEY})
     * @param sealedPrivateKey the PKCS#8 private key, encrypted with the service's secret key
     */
    record SealedAccount(String clusterUuid, String uid, String publicKeyPem, String sealedPrivateKey,
                         Instant createdAt) {

        @Override
        public String toString() {
            return "SealedAccount[clusterUuid=" + clusterUuid + ", uid=" + uid + "]";
        }
    }
}
