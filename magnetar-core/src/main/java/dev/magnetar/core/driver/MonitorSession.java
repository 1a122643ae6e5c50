package dev.magnetar.core.driver;

import java.time.Instant;
import java.util.Optional;

/**
 * What a monitor keeps for one cluster from one poll to the next: the login token the COE issued, so
 * that a cluster is logged in to once per token lifetime rather than once per poll, per service
 * restart or per replica. The service stores it sealed with the cluster's monitoring account and
 * removes it with the cluster; the monitor decides when a token is too close to expiry to use.
 *
 * <p>It also holds the CA the COE's endpoint was pinned to at the monitor's first contact: once
 * pinned, the monitor trusts that CA alone for the cluster. The service stores the pin with the
 * cluster (public, so not sealed) and never replaces it with a later one.
 */
public interface MonitorSession {

    /** The CA certificate (PEM) pinned for the cluster, or empty before the first fetch. */
    Optional<String> pinnedCa();

    /** Pins the CA the monitor fetched at first contact; ignored when one is pinned already. */
    void pinCa(String caCertificatePem);

    /** The token an earlier poll kept, if any (it may have expired: the monitor judges). */
    Optional<Token> token();

    /** Keeps a newly issued token for later polls, in place of any earlier one. */
    void keep(Token token);

    /** Forgets the kept token: the cluster no longer accepts it. */
    void forget();

    /**
     * A session that lives as long as this object: for a monitor used on its own (a test, a one-off
     * poll). Nothing in it survives the object.
     */
    static MonitorSession inMemory() {
        return new MonitorSession() {
            private volatile Token token;
            private volatile String pinnedCa;

            @Override
            public Optional<String> pinnedCa() {
                return Optional.ofNullable(pinnedCa);
            }

            @Override
            public synchronized void pinCa(String caCertificatePem) {
                if (pinnedCa == null) {
                    pinnedCa = caCertificatePem;
                }
            }

            @Override
            public Optional<Token> token() {
                return Optional.ofNullable(token);
            }

            @Override
            public void keep(Token token) {
                this.token = token;
            }

            @Override
            public void forget() {
                this.token = null;
            }
        };
    }

    /**
     * A COE login token and when the COE stops accepting it. Its string form shows no token.
     */
    record Token(String value, Instant expiresAt) {

        public Token {
            if (value == null || value.isEmpty() || expiresAt == null) {
                throw new IllegalArgumentException("a session token needs a value and an expiry");
            }
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
