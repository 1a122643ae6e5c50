package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.driver.dcos.monitor.tls.PinnedCa;
import dev.magnetar.driver.kit.http.BoundedBody;

import javax.net.ssl.SSLException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests to one cluster's Admin Router, the single entry DC/OS offers to its masters' services
 * (docs/reference/dcos-facts.md#admin-router-routes), always over HTTPS ({@link #httpsBase}) with a client
 * that trusts the cluster's pinned CA alone. The base may carry a path prefix ({@code
 * https://host:port/prefix}), as a proxy or the simulated cloud gives. Every failure becomes a {@link Reply};
 * nothing is thrown.
 */
final class AdminRouter {

    /** Bodies above this are refused: the largest DC/OS answer read here (nodes of a big cluster) is far smaller. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    /** Slack on top of the request timeout before the future itself gives up, in case the client overruns. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private final HttpClient http;
    private final String base;

    AdminRouter(HttpClient http, String apiAddress) {
        this.http = http;
        this.base = httpsBase(apiAddress);
    }

    /** The usable base of an api_address, or empty with the reason it is unusable. */
    static java.util.Optional<String> problemWith(String apiAddress) {
        if (apiAddress == null || apiAddress.isBlank()) {
            return java.util.Optional.of("cluster has no api_address");
        }
        try {
            URI uri = URI.create(apiAddress);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return java.util.Optional.of("api_address '" + apiAddress + "' is not an http(s) URL with a host");
            }
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("api_address '" + apiAddress + "' is not a URL: " + e.getMessage());
        }
    }

    /**
     * The HTTPS base for an api_address: an {@code http://} address (stored before Admin Router was
     * reached over TLS) is read as the same host, port and path over {@code https://}; there is no
     * way back to plain HTTP.
     */
    static String httpsBase(String apiAddress) {
        String base = apiAddress.endsWith("/") ? apiAddress.substring(0, apiAddress.length() - 1) : apiAddress;
        return base.regionMatches(true, 0, "http://", 0, 7) ? "https://" + base.substring(7) : base;
    }

    CompletableFuture<Reply> get(String path, String authToken, Deadline deadline) {
        HttpRequest.Builder request = request(path, deadline).GET().header("Accept", "application/json");
        if (authToken != null) {
            request.header("Authorization", "token=" + authToken);
        }
        return send(path, request, deadline);
    }

    CompletableFuture<Reply> postJson(String path, byte[] json, Deadline deadline) {
        return send(path, request(path, deadline).POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", "application/json").header("Accept", "application/json"), deadline);
    }

    /**
     * A POST with the given media types, as Cosmos wants (docs/reference/dcos-facts.md#cosmos-package-api).
     */
    CompletableFuture<Reply> post(String path, String contentType, String accept, byte[] json, String authToken,
                                  Deadline deadline) {
        HttpRequest.Builder request = request(path, deadline).POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", contentType).header("Accept", accept);
        if (authToken != null) {
            request.header("Authorization", "token=" + authToken);
        }
        return send(path, request, deadline);
    }

    private HttpRequest.Builder request(String path, Deadline deadline) {
        Duration left = deadline.remaining();
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(left.isZero() ? Duration.ofMillis(1) : left);
    }

    private CompletableFuture<Reply> send(String path, HttpRequest.Builder request, Deadline deadline) {
        if (deadline.passed()) {
            return CompletableFuture.completedFuture(new Reply.Unreachable(path, noAnswer(deadline)));
        }
        return http.sendAsync(request.build(), BoundedBody.handler(MAX_BODY_BYTES))
                .thenApply(response -> reply(path, response.body()))
                .orTimeout(deadline.remaining().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> new Reply.Unreachable(path, describe(failure, deadline)));
    }

    private static Reply reply(String path, BoundedBody.Body body) {
        return body.tooLarge()
                ? new Reply.Unreadable(path, body.status(), "answer larger than " + MAX_BODY_BYTES + " bytes")
                : new Reply.Answered(path, body.status(), body.bytes());
    }

    static String describe(Throwable failure, Deadline deadline) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof CancellationException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return noAnswer(deadline);
        }
        Optional<String> tls = tlsFailure(cause);
        if (tls.isPresent()) {
            return tls.get();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "connection failed: " + message(cause);
        }
        return "request failed: " + message(cause);
    }

    /**
     * A TLS failure named as such: the pinned CA's verdict when the chain was refused, else the
     * handshake's own message (no common protocol, the peer is not TLS at all).
     */
    private static Optional<String> tlsFailure(Throwable cause) {
        boolean handshake = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PinnedCa.NotPinnedCaException refused) {
                return Optional.of("TLS: " + refused.getMessage());
            }
            handshake |= t instanceof SSLException;
        }
        return handshake ? Optional.of("TLS handshake failed: " + message(cause)) : Optional.empty();
    }

    private static String noAnswer(Deadline deadline) {
        return "no answer within " + deadline.budget().toMillis() + " ms";
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
