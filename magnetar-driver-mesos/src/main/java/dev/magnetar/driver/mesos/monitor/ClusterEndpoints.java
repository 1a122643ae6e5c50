package dev.magnetar.driver.mesos.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.driver.kit.http.BoundedBody;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * GETs JSON from a cluster's own endpoints, asynchronously, never past a deadline and never more
 * than a bounded body: the nodes belong to the tenant, so whatever answers there is untrusted and
 * an endless answer must cost a cancelled stream, not the monitor's heap.
 */
final class ClusterEndpoints {

    /** Large enough for {@code /master/state} of a few hundred agents. */
    static final int BODY_LIMIT = 8 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    ClusterEndpoints(HttpClient http) {
        this.http = http;
    }

    /** The JSON at {@code url}, or why there is none; completes by {@code deadlineNanos} at the latest. */
    CompletableFuture<Reply> get(String url, long deadlineNanos) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(left).header("Accept", "application/json")
                    .GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Reply.Unreachable(url, "not a usable URL"));
        }
        return http.sendAsync(request, BoundedBody.handler(BODY_LIMIT))
                .thenApply(response -> read(url, response.body()))
                .exceptionally(failure -> new Reply.Unreachable(url, describe(failure)))
                .completeOnTimeout(new Reply.Unreachable(url, "no answer within " + left.toMillis() + " ms"),
                        left.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Reply read(String url, BoundedBody.Body body) {
        if (body.tooLarge()) {
            return new Reply.Bad(url, "answer larger than " + BODY_LIMIT + " bytes");
        }
        if (body.status() != 200) {
            return new Reply.Bad(url, "HTTP " + body.status());
        }
        try {
            return new Reply.Json(url, JSON.readTree(body.bytes()));
        } catch (IOException e) {
            return new Reply.Bad(url, "answer is not JSON");
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
