package dev.magnetar.cli.http;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * One HTTP exchange, which is all {@link MagnumClient} needs from an HTTP library. The client's
 * start-up time is mostly the HTTP stack it loads (BENCHMARKS.md, "CLI start time"), so the
 * choice of library sits behind this seam: {@link #standard()} is what the command line uses.
 */
public interface HttpTransport {

    /**
     * Sends a request and reads the whole answer.
     *
     * @param headers request headers, sent as given
     * @param body    a UTF-8 body, or null for none
     * @throws IOException when the server cannot be reached or the exchange breaks off
     */
    Reply send(String method, URI uri, Map<String, String> headers, String body) throws IOException;

    /**
     * An answer: its status, its body as UTF-8 text (empty when there was none) and its
     * {@code X-Openstack-Request-Id} header, or null.
     */
    record Reply(int status, String body, String requestId) {
    }

    /** The header in which Magnum (and Magnetar) name the request an answer belongs to. */
    String REQUEST_ID_HEADER = "X-Openstack-Request-Id";

    /**
     * {@link java.net.HttpURLConnection} for every method it knows, which starts in a few
     * milliseconds, and {@link java.net.http.HttpClient}, built on first use, for the one it does
     * not (PATCH).
     */
    static HttpTransport standard() {
        return new UrlConnectionTransport(new JdkHttpClientTransport());
    }
}
