package dev.magnetar.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: exponential from {@code initial}, doubling after each
 * failure, never above {@code max}, then jittered so that replicas which failed together do not
 * retry together. One rule for the conductor's operation retries and the OpenStack HTTP retries.
 *
 * @param initial the ceiling after the first failure
 * @param max     the largest ceiling
 */
public record Backoff(Duration initial, Duration max) {

    /** The conductor's retry of an operation after a transient orchestrator error. */
    public static final Backoff OPERATION = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** Spreads a wait below its ceiling. */
    @FunctionalInterface
    public interface Jitter {

        /** The ceiling itself: for tests that check a sequence of waits. */
        Jitter NONE = ceiling -> ceiling;

        /** Half the ceiling plus a uniform share of the other half ("equal jitter"). */
        Jitter EQUAL = ceiling -> {
            long nanos = ceiling.toNanos();
            long half = nanos / 2;
            return Duration.ofNanos(nanos - half + ThreadLocalRandom.current().nextLong(half + 1));
        };

        Duration spread(Duration ceiling);
    }

    /** The longest wait after {@code failures} failures (0 or 1 give {@code initial}). */
    public Duration ceilingAfter(int failures) {
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The wait after {@code failures} failures, spread by {@code jitter}. */
    public Duration after(int failures, Jitter jitter) {
        return jitter.spread(ceilingAfter(failures));
    }

    /** The wait after {@code failures} failures, with {@link Jitter#EQUAL}. */
    public Duration after(int failures) {
        return after(failures, Jitter.EQUAL);
    }
}
