package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.DeploymentContext.MonitorAccount;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.driver.MonitorSession;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.MonitorAccountRepository.SealedAccount;
import dev.magnetar.core.port.MonitorAccountRepository.SealedSession;
import dev.magnetar.core.port.MonitorAccountRepository.SpareKey;
import dev.magnetar.core.port.Repositories;
import dev.magnetar.core.service.Identifiers;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The account each cluster is installed with so that the monitor can log in to its COE: an RSA-2048
 * key pair and a uid {@code magnetar-<12 hex of the cluster uuid>}, made once per cluster when its
 * stack is first rendered. The public key goes into the stack; the private key is stored sealed with
 * the service's key and opened only to hand it to the monitor. It is never logged nor returned by
 * the API, and its row is removed with the cluster's. The login token the monitor keeps between polls
 * (its {@link MonitorSession}) is sealed the same way, on the same row.
 *
 * <p>Making an RSA-2048 key pair costs tens of milliseconds of CPU, which a burst of creates would pay
 * on the create path. So key pairs are also made ahead of time ({@link #replenishSpares}) and stored
 * sealed as spares; a cluster takes one when there is one and makes its own only when there is none.
 */
public final class MonitorAccounts {

    private static final int KEY_BITS = 2048;

    private final Database database;
    private final SecretBox box;
    private final Clock clock;
    /** When a cluster of this process last took a spare key; spares are made only once that is a while ago. */
    private volatile Instant lastSpareTaken = Instant.MIN;

    public MonitorAccounts(Database database, SecretBox box, Clock clock) {
        this.database = database;
        this.box = box;
        this.clock = clock;
    }

    public static String uidOf(String clusterUuid) {
        return "magnetar-" + clusterUuid.replace("-", "").substring(0, 12);
    }

    /**
     * The cluster's account, made and stored on first call; later calls (a retried create) get the
     * same one, and so does a call racing this one. Its key pair is a spare one when one is stored,
     * or else made now.
     */
    public MonitorAccount ensure(Cluster cluster) {
        try {
            // one transaction: the stored account, or else a spare taken and stored as the account
            Optional<Ensured> ensured = database.transaction(repos -> repos.monitorAccounts().find(cluster.uuid())
                    .map(stored -> new Ensured(stored, false))
                    .or(() -> fromSpare(repos, cluster.uuid()).map(taken -> new Ensured(taken, true))));
            if (ensured.isPresent()) {
                if (ensured.get().fromSpare()) {
                    lastSpareTaken = clock.instant();
                }
                return publicPart(ensured.get().account());
            }
            KeyPair pair = newKeyPair();
            SealedAccount account = new SealedAccount(cluster.uuid(), uidOf(cluster.uuid()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()), box.seal(cluster.uuid(),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded())), clock.instant());
            database.transact(repos -> repos.monitorAccounts().insert(account));
            return publicPart(account);
        } catch (MagnetarException e) {
            if (e.kind() != ErrorKind.CONFLICT) {
                throw e;
            }
            return publicPart(find(cluster.uuid()).orElseThrow(() -> e));
        }
    }

    /**
     * Takes a spare key and stores it as the cluster's account, its private key sealed anew for the
     * cluster. A spare that does not open with the service's key (sealed with an earlier key) is
     * dropped and the next one tried.
     */
    private Optional<SealedAccount> fromSpare(Repositories repos, String clusterUuid) {
        for (Optional<SpareKey> spare = repos.monitorAccounts().takeSpare(); spare.isPresent();
             spare = repos.monitorAccounts().takeSpare()) {
            String privatePem;
            try {
                privatePem = box.open(spare.get().sealedFor(), spare.get().sealedPrivateKey());
            } catch (IllegalArgumentException e) {
                continue;
            }
            SealedAccount account = new SealedAccount(clusterUuid, uidOf(clusterUuid), spare.get().publicKeyPem(),
                    box.seal(clusterUuid, privatePem), clock.instant());
            repos.monitorAccounts().insert(account);
            return Optional.of(account);
        }
        return Optional.empty();
    }

    /**
     * Makes spare key pairs until {@code target} are stored, one transaction each, as long as no
     * cluster of this process has taken a spare for {@code quiet} and {@code idle} says there is no
     * other work: a burst of creates (or the deletes, scales and settling that follow it) is not
     * slowed down by making the keys that later creates will take. Stops early when that changes.
     *
     * @return how many it made
     */
    public int replenishSpares(int target, Duration quiet, BooleanSupplier idle) {
        int made = 0;
        while (isQuiet(quiet) && idle.getAsBoolean()
                && database.transaction(repos -> repos.monitorAccounts().countSpares()) < target) {
            KeyPair pair = newKeyPair();
            String id = Identifiers.newUuid();
            SpareKey spare = new SpareKey(id, pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    box.seal(SpareKey.sealedFor(id),
                            pem("PRIVATE KEY", pair.getPrivate().getEncoded())), clock.instant());
            database.transact(repos -> repos.monitorAccounts().insertSpare(spare));
            made++;
        }
        return made;
    }

    /** How many spare key pairs are stored. */
    public int spares() {
        return database.transaction(repos -> repos.monitorAccounts().countSpares());
    }

    private boolean isQuiet(Duration quiet) {
        Instant taken = lastSpareTaken;
        return taken.equals(Instant.MIN) || !clock.instant().isBefore(taken.plus(quiet));
    }

    /** The public half of the cluster's account, if it has one. */
    public Optional<MonitorAccount> find(Cluster cluster) {
        return find(cluster.uuid()).map(MonitorAccounts::publicPart);
    }

    /**
     * The cluster's account opened for one poll: its public half (for the backend), the credentials
     * the monitor logs in with and the session an earlier poll kept, from one read.
     */
    public Optional<Opened> open(String clusterUuid) {
        return find(clusterUuid).map(this::open);
    }

    /**
     * An account read by the caller, opened for one poll. A kept session that does not open (its
     * sealed text was altered) is left out: the monitor logs in again and keeps a new one.
     *
     * @throws IllegalArgumentException when the private key does not open with the service's key
     */
    public Opened open(SealedAccount sealed) {
        Map<String, String> credentials = Map.of(MonitorContext.SERVICE_ACCOUNT_UID, sealed.uid(),
                MonitorContext.SERVICE_ACCOUNT_PRIVATE_KEY, box.open(sealed.clusterUuid(), sealed.sealedPrivateKey()));
        Optional<MonitorSession.Token> session = sealed.keptSession().flatMap(kept -> {
            try {
                return Optional.of(new MonitorSession.Token(box.open(sessionOwner(sealed.clusterUuid()),
                        kept.sealedToken()), kept.expiresAt()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        return new Opened(publicPart(sealed), credentials, session);
    }

    /** A session token sealed for storage on the cluster's account. */
    public SealedSession seal(String clusterUuid, MonitorSession.Token token) {
        return new SealedSession(box.seal(sessionOwner(clusterUuid), token.value()), token.expiresAt());
    }

    /**
     * An account with its private key opened, and the session token an earlier poll kept; its string
     * form shows neither.
     */
    public record Opened(MonitorAccount account, Map<String, String> credentials,
                         Optional<MonitorSession.Token> session) {
        @Override
        public String toString() {
            return "Opened[" + account.uid() + "]";
        }
    }

    /**
     * What the monitor logs in with ({@link MonitorContext#SERVICE_ACCOUNT_UID} and
     * {@link MonitorContext#SERVICE_ACCOUNT_PRIVATE_KEY}); empty when the cluster has no account.
     *
     * @throws IllegalArgumentException when the stored key does not open with the service's key
     */
    public Map<String, String> credentials(String clusterUuid) {
        return open(clusterUuid).map(Opened::credentials).orElse(Map.of());
    }

    private Optional<SealedAccount> find(String clusterUuid) {
        return database.transaction(repos -> repos.monitorAccounts().find(clusterUuid));
    }

    /** Sealed for its own purpose, so a sealed token copied into the key's column does not open there. */
    private static String sessionOwner(String clusterUuid) {
        return clusterUuid + "#session";
    }

    private static MonitorAccount publicPart(SealedAccount account) {
        return new MonitorAccount(account.uid(), account.publicKeyPem());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }

    /** PEM with 64-character lines, as OpenSSL writes it. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private record Ensured(SealedAccount account, boolean fromSpare) {
    }
}
