package dev.magnetar.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-cluster accounts the monitor logs in to a COE with, and the login token it kept from its
 * last login. Only sealed (encrypted) secrets are stored; a row lives exactly as long as its
 * cluster's row.
 */
public interface MonitorAccountRepository {

    /**
     * Stores the cluster's account, with no session.
     *
     * @throws dev.magnetar.core.error.MagnetarException CONFLICT when the cluster has one already
     */
    void insert(SealedAccount account);

    Optional<SealedAccount> find(String clusterUuid);

    /** Keeps the monitor's session on the cluster's account, replacing any; false when it has none. */
    boolean keepSession(String clusterUuid, SealedSession session);

    /** Forgets the monitor's session on the cluster's account, if any. */
    void forgetSession(String clusterUuid);

    /**
     * @param uid              the account's name in the COE
     * @param publicKeyPem     X.509 SubjectPublicKeyInfo, PEM ({@code BEGIN PUBLIC KEY})
     * @param sealedPrivateKey the PKCS#8 private key, encrypted with the service's secret key
     * @param session          the login token the monitor kept, or null when it kept none
     */
    record SealedAccount(String clusterUuid, String uid, String publicKeyPem, String sealedPrivateKey,
                         Instant createdAt, SealedSession session) {

        /** An account as it is made: no session yet. */
        public SealedAccount(String clusterUuid, String uid, String publicKeyPem, String sealedPrivateKey,
                             Instant createdAt) {
            this(clusterUuid, uid, publicKeyPem, sealedPrivateKey, createdAt, null);
        }

        public Optional<SealedSession> keptSession() {
            return Optional.ofNullable(session);
        }

        @Override
        public String toString() {
            return "SealedAccount[clusterUuid=" + clusterUuid + ", uid=" + uid + "]";
        }
    }

    /**
     * @param sealedToken the COE login token, encrypted with the service's secret key
     * @param expiresAt   when the COE stops accepting it
     */
    record SealedSession(String sealedToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "SealedSession[expiresAt=" + expiresAt + "]";
        }
    }
}
