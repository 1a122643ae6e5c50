package dev.magnetar.server.metrics;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: everything this process measures, in Prometheus' text format, on the API
 * port. The path is public (no token), as scrapers expect; it shows counts and timings, cluster
 * uuids and project ids, never a secret.
 */
public final class MetricsRoutes {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoutes() {
    }

    public static void register(Javalin app, PrometheusMeterRegistry registry) {
        app.get("/metrics", http -> http.contentType(TEXT_FORMAT).result(registry.scrape(TEXT_FORMAT)));
    }
}
