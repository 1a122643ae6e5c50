package dev.magnetar.openstack.http;

import dev.magnetar.core.retry.Backoff;

import java.time.Duration;

/**
 * How often and how patiently a call to an OpenStack service is repeated after a transient failure
 * (connection refused, time-out, 5xx). Bounded on purpose: the conductor has its own, longer retry
 * loop around whole operations, so this only smooths over a restart or a brief overload.
 *
 * @param maxAttempts    total attempts, at least 1
 * @param initialBackoff the longest wait after the first failure; it doubles after each further one
 * @param maxBackoff     the longest single wait
 * @see Backoff the rule, shared with the conductor
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        new Backoff(initialBackoff, maxBackoff);
    }

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }

    /** The longest wait before attempt {@code failedAttempts + 1}, given that many have failed. */
    public Duration backoffAfter(int failedAttempts) {
        return backoff().ceilingAfter(failedAttempts);
    }
}
