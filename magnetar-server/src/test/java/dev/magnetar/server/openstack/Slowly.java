package dev.magnetar.server.openstack;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls the real Keystone and Heat (through the server or directly) every second until a
 * condition holds: their answers take tens of milliseconds on two shared cores, and what is awaited
 * (a stack's status) changes in seconds, so polling faster only slows Heat down.
 */
final class Slowly {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private Slowly() {
    }

    static <T> T await(String what, Duration timeout, Supplier<T> observe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = observe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = observe.get();
        }
        return last;
    }
}
