package dev.magnetar.server.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls until a condition holds, failing with the last observation after a deadline. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> observe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = observe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = observe.get();
        }
        return last;
    }
}
