package dev.magnetar.server.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.server.Request;

import java.time.Duration;

/**
 * {@code magnetar_http_server_requests_seconds}: every API request by method, route template (never
 * the raw path, whose uuids would make a series per cluster) and status, with a latency histogram.
 * Time runs from when Jetty received the request, so authentication and refusals count too.
 */
public final class HttpMetrics {

    static final String NAME = "magnetar.http.server.requests";
    private static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    private HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times every request of {@code app} from now on. */
    public static void install(Javalin app, MeterRegistry registry) {
        HttpMetrics metrics = new HttpMetrics(registry);
        app.after(metrics::record);
    }

    private void record(Context http) {
        long received = Request.getBaseRequest(http.req()).getTimeStamp();
        Timer.builder(NAME)
                .description("API requests by route template and status")
                .tag("method", http.method().name())
                .tag("route", route(http))
                .tag("status", Integer.toString(http.statusCode()))
                .serviceLevelObjectives(Histograms.LATENCY)
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - received)));
    }

    /** The template of the endpoint that answered, e.g. {@code /v1/clusters/{ident}}. */
    private static String route(Context http) {
        try {
            String path = http.endpointHandlerPath();
            return path == null || path.isEmpty() || path.equals("*") ? UNMATCHED : path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}
