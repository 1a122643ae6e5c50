package dev.magnetar.server.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * Receives request bodies so that slow or stalled senders cannot hold the API: at most
 * {@code readers} requests wait for their bodies at once (others are refused with 503 at once, before
 * a thread waits), each body must arrive whole within {@code timeout} (else 408; Jetty's I/O idle
 * timeout, set to the same value, ends a read that waits that long for a byte), and a body is never
 * longer than {@link ApiServer#MAX_BODY_BYTES}, chunked or not (413). Every refusal closes the
 * connection, since the rest of its body was not read.
 */
final class RequestBodies {

    static final String BODY = "magnetar.body";

    private final Semaphore readers;
    private final int readerCount;
    private final Duration timeout;

    RequestBodies(int readers, Duration timeout) {
        if (readers < 1) {
            throw new IllegalArgumentException("body readers must be at least 1, not " + readers);
        }
        this.readers = new Semaphore(readers);
        this.readerCount = readers;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** Reads the body of {@code http}, if it has one, into the request's {@link #BODY} attribute. */
    void receive(Context http) {
        HttpServletRequest request = http.req();
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return;
        }
        if (request.getContentLengthLong() > ApiServer.MAX_BODY_BYTES) {
            throw refusal(http, 413, "Request is larger than " + ApiServer.MAX_BODY_BYTES + " bytes.");
        }
        if (!readers.tryAcquire()) {
            http.header("Retry-After", "1");
            throw refusal(http, 503, "The service is receiving " + readerCount
                    + " request bodies already, its limit; try again shortly.");
        }
        try {
            http.attribute(BODY, read(http, request));
        } finally {
            readers.release();
        }
    }

    /** The body {@link #receive} read, as text; empty when the request had none. */
    static String text(Context http) {
        byte[] body = http.attribute(BODY);
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private byte[] read(Context http, HttpServletRequest request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = request.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > ApiServer.MAX_BODY_BYTES) {
                    throw refusal(http, 413, "Request is larger than " + ApiServer.MAX_BODY_BYTES + " bytes.");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw late(http);
                }
            }
            return body.toByteArray();
        } catch (IOException e) {
            if (isTimeout(e)) {
                throw late(http);
            }
            throw refusal(http, 400, "The request body could not be read: it ended before its announced length.");
        }
    }

    private HttpResponseException late(Context http) {
        long seconds = timeout.toSeconds();
        return refusal(http, 408, "The request body did not arrive within " + seconds
                + (seconds == 1 ? " second." : " seconds."));
    }

    private static HttpResponseException refusal(Context http, int status, String detail) {
        http.header("Connection", "close");
        return new HttpResponseException(status, detail);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
