package dev.magnetar.driver.kit.http;

import java.net.http.HttpClient;

/**
 * The HTTP client a COE monitor shares across all its polls: HTTP/1.1 (what the COEs' endpoints
 * speak), redirects never followed (an answer from elsewhere is not the cluster's), and dependent
 * actions run on the client's own selector thread rather than handed to a worker pool.
 *
 * <p>That last choice is for cost: a monitor sweep makes six or seven small requests per cluster, and
 * handing each response from the selector to a worker thread and back took about three times the
 * CPU of the requests themselves ({@code BENCHMARKS.md}, "Monitor sweep"). The price is a rule: every
 * stage a monitor chains on this client's futures must be short and must never block: collect a
 * bounded body, wrap or parse it, and leave waiting to the polling thread's {@code join}.
 * {@link BoundedBody} keeps the rule.
 */
public final class MonitorHttpClient {

    private MonitorHttpClient() {
    }

    public static HttpClient create() {
        return builder().build();
    }

    /** The same client for HTTPS endpoints, trusting what {@code tls} trusts. */
    public static HttpClient create(javax.net.ssl.SSLContext tls) {
        return builder().sslContext(tls).build();
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run);
    }
}
