package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.MonitorSession;

import java.util.Optional;

/**
 * The session one poll works with: it starts from the token the cluster's account kept and the CA
 * pinned for the cluster, and remembers whether the monitor changed the token or pinned a CA, so that
 * the write following the poll stores the change with the cluster's health, in the same transaction.
 */
final class PollSession implements MonitorSession {

    private Token token;
    private boolean changed;
    private String pinnedCa;
    private String newlyPinned;

    PollSession(Optional<Token> kept, Optional<String> pinnedCa) {
        this.token = kept.orElse(null);
        this.pinnedCa = pinnedCa.orElse(null);
    }

    @Override
    public synchronized Optional<String> pinnedCa() {
        return Optional.ofNullable(pinnedCa);
    }

    @Override
    public synchronized void pinCa(String caCertificatePem) {
        if (pinnedCa == null) {
            pinnedCa = caCertificatePem;
            newlyPinned = caCertificatePem;
        }
    }

    /** The CA this poll pinned, when the cluster had none before it. */
    synchronized Optional<String> newlyPinned() {
        return Optional.ofNullable(newlyPinned);
    }

    @Override
    public synchronized Optional<Token> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public synchronized void keep(Token token) {
        this.token = token;
        this.changed = true;
    }

    @Override
    public synchronized void forget() {
        changed |= token != null;
        this.token = null;
    }

    /** True when the monitor kept a new token or forgot the one it started with. */
    synchronized boolean changed() {
        return changed;
    }
}
