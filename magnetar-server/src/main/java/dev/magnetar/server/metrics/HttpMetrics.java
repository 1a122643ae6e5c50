package dev.magnetar.server.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.server.Request;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code magnetar_http_server_requests_seconds}: every API request by method, route template (never
 * the raw path, whose uuids would make a series per cluster) and status, with a latency histogram.
 * Time runs from when Jetty received the request, so authentication and refusals count too.
 */
public final class HttpMetrics {

    static final String NAME = "magnetar.http.server.requests";
    private static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;
    /** The timer of each method, route and status, built once: a builder per request costs more than the timing. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status) {
    }

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
        timers.computeIfAbsent(new Series(http.method().name(), route(http), http.statusCode()), this::timer)
                .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - received)));
    }

    private Timer timer(Series series) {
        return Timer.builder(NAME)
                .description("API requests by route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .serviceLevelObjectives(Histograms.LATENCY)
                .register(registry);
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
