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

    /** Stores a key pair made ahead of time, for a cluster not yet known. */
    void insertSpare(SpareKey key);

    /** How many spare key pairs are stored. */
    int countSpares();

    /**
     * Removes one spare key pair and returns it, or empty when none is left. Two transactions never
     * get the same key: the one whose removal did not take place gets another or none. A rolled-back
     * transaction puts its key back.
     */
    Optional<SpareKey> takeSpare();

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
     * A key pair made before any cluster needed it, so that generating an RSA key is off the create
     * path.
     *
     * @param id               names the key; its private key is sealed for {@link #sealedFor()}
     * @param publicKeyPem     X.509 SubjectPublicKeyInfo, PEM
     * @param sealedPrivateKey the PKCS#8 private key, encrypted with the service's secret key
     */
    record SpareKey(String id, String publicKeyPem, String sealedPrivateKey, Instant createdAt) {

        /** The owner the private key is sealed for, apart from every cluster's. */
        public String sealedFor() {
            return sealedFor(id);
        }

        /** The owner the private key of the spare named {@code id} is sealed for. */
        public static String sealedFor(String id) {
            return "spare#" + id;
        }

        @Override
        public String toString() {
            return "SpareKey[id=" + id + "]";
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
