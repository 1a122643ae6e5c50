package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A bare HTTPS client for the tests, trusting the simulator's CA only: what a request to a simulated
 * Admin Router answers.
 */
final class AdminRouterClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<SSLContext> trust;
    private volatile HttpClient http;

    /** Generous: these tests check what the simulator answers, not how fast a busy machine lets it. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** @param trust the simulator's {@link SimulatedDcos#clientContext()}, asked for at the first request */
    AdminRouterClient(Supplier<SSLContext> trust) {
        this.trust = trust;
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).GET().build());
    }

    Answer get(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE)
                .header("Authorization", authorization).GET().build());
    }

    Answer post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer post(String url, String contentType, String accept, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE)
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Answer send(HttpRequest request) {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trust.get()).build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
