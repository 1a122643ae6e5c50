package dev.magnetar.core.monitor;

import java.time.Duration;

/**
 * How the monitor paces itself.
 *
 * @param interval       how often each cluster is polled
 * @param concurrency    polls in flight at once, at most
 * @param requestTimeout bound on each request a poll makes to a cluster
 * @param spread         the window at the start of each interval over which a sweep's polls are
 *                       spread, each cluster at its own fixed offset; zero polls everything at once
 */
public record MonitorSettings(Duration interval, int concurrency, Duration requestTimeout, Duration spread) {

    public MonitorSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("monitor interval must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("monitor concurrency must be at least 1");
        }
        if (spread.isNegative() || spread.compareTo(interval) > 0) {
            throw new IllegalArgumentException("monitor spread must be between 0 and the interval");
        }
    }

    /**
     * Polls spread over the first half of each interval: load stays even, and a sweep slowed by
     * unreachable clusters still ends before the next one is due.
     */
    public static MonitorSettings of(Duration interval, int concurrency, Duration requestTimeout) {
        return new MonitorSettings(interval, concurrency, requestTimeout, interval.dividedBy(2));
    }

    /** Where in the spread window the cluster's poll falls: fixed per cluster, uniform over clusters. */
    public Duration offsetOf(String clusterUuid) {
        long window = spread.toMillis();
        return window == 0 ? Duration.ZERO : Duration.ofMillis(Math.floorMod(StableHash.of(clusterUuid), window));
    }
}
