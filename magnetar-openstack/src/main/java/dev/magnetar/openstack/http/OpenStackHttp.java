package dev.magnetar.openstack.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.magnetar.core.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to OpenStack services, with the one retry rule they all share: repeat on no answer
 * or a 5xx, with the jittered exponential {@link Backoff}, up to the policy's bound; hand every other answer back as it
 * is. Redirects are not followed, so callers see Heat's 302 and choose. Logs method, path and
 * status only: never a header or a body, since those carry tokens and secrets.
 */
public final class OpenStackHttp {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStackHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits between attempts; tests replace it to run retry sequences instantly. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final Backoff.Jitter jitter;

    public OpenStackHttp(Duration connectTimeout, Duration requestTimeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build(), requestTimeout, d -> Thread.sleep(d.toMillis()),
                Backoff.Jitter.EQUAL);
    }

    /** Waits exactly each backoff's ceiling, so that a test can check the sequence. */
    public OpenStackHttp(HttpClient client, Duration requestTimeout, Sleeper sleeper) {
        this(client, requestTimeout, sleeper, Backoff.Jitter.NONE);
    }

    public OpenStackHttp(HttpClient client, Duration requestTimeout, Sleeper sleeper, Backoff.Jitter jitter) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** One request, repeated per {@code retry} while the service gives no answer or a 5xx. */
    public ServiceResponse send(String method, URI uri, Map<String, String> headers, Object body, RetryPolicy retry) {
        HttpRequest request = build(method, uri, headers, body);
        RuntimeException lastFailure = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(retry.backoff().after(attempt - 1, jitter));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                LOG.debug("{} {} -> {}", method, uri.getPath(), response.statusCode());
                if (response.statusCode() < 500) {
                    return new ServiceResponse(response.statusCode(), parse(response.body()), response.headers());
                }
                lastStatus = response.statusCode();
                ServiceResponse failed = new ServiceResponse(lastStatus, parse(response.body()), response.headers());
                lastFailure = new ServiceUnavailableException(method + " " + uri.getPath() + " answered "
                        + lastStatus + ": " + failed.errorMessage(), lastStatus, null);
            } catch (IOException e) {
                lastFailure = new ServiceUnavailableException(method + " " + uri.getPath() + " got no answer from "
                        + uri.getHost() + ":" + uri.getPort() + ": " + describe(e), 0, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceUnavailableException("Interrupted while calling " + uri.getPath(), 0, e);
            }
            LOG.info("Attempt {}/{} of {} {} failed: {}", attempt, retry.maxAttempts(), method, uri.getPath(),
                    lastFailure.getMessage());
        }
        throw lastFailure;
    }

    private HttpRequest build(String method, URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json").header("User-Agent", "magnetar");
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.build();
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting to retry", 0, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.objectNode().put("message", body.strip());
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
