package dev.magnetar.driver.dcos.monitor;

import java.time.Duration;

/**
 * The end of one poll, on the monotonic clock. Every request of a poll (login included) shares it,
 * so a poll never blocks much longer than the context's request timeout, however many round trips
 * it takes.
 */
record Deadline(long endNanos, Duration budget) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Time left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean passed() {
        return remaining().isZero();
    }
}
