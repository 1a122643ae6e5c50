package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.MonitorSession;

import java.util.Optional;

/**
 * The session one poll works with: it starts from the token the cluster's account kept and remembers
 * whether the monitor changed it, so that the write following the poll stores the change with the
 * cluster's health, in the same transaction.
 */
final class PollSession implements MonitorSession {

    private Token token;
    private boolean changed;

    PollSession(Optional<Token> kept) {
        this.token = kept.orElse(null);
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
