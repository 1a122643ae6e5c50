package dev.magnetar.openstack.http;

import java.time.Duration;

/**
 * How often and how patiently a call to an OpenStack service is repeated after a transient failure
 * (connection refused, time-out, 5xx). Bounded on purpose: the conductor has its own, longer retry
 * loop around whole operations, so this only smooths over a restart or a brief overload.
 *
 * @param maxAttempts    total attempts, at least 1
 * @param initialBackoff the wait after the first failure; it doubles after each further one
 * @param maxBackoff     the longest single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}, given that many have failed. */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
