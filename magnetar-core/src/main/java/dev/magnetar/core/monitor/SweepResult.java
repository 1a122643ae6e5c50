package dev.magnetar.core.monitor;

import java.time.Duration;

/**
 * What one sweep did.
 *
 * @param owned     monitored clusters of this replica's share
 * @param polled    polls that ran (a cluster deleted before its turn is skipped)
 * @param unknown   polls that could not reach their cluster
 * @param changed   clusters whose stored health changed
 */
public record SweepResult(int owned, int polled, int unknown, int changed, Duration took) {
}
