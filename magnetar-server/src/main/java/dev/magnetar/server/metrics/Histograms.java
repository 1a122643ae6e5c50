package dev.magnetar.server.metrics;

import java.time.Duration;

/** The latency buckets every Magnetar histogram shares: few, so /metrics stays small, from 5 ms to 30 s. */
final class Histograms {

    static final Duration[] LATENCY = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private Histograms() {
    }
}
