package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.server.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One identity talking to the server under test with a real Keystone token in {@code X-Auth-Token}
 * (or with none, or a forged one), as an OpenStack client does. Answers are {@link Api.Response}s.
 */
record Caller(String name, String baseUrl, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api.Response get(String path) {
        return send("GET", path, null);
    }

    Api.Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Api.Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Api.Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A POST at a microversion ({@code container-infra 1.8}). */
    Api.Response post(String path, Object body, String microversion) {
        return sendAt(microversion, "POST", path, body);
    }

    Api.Response send(String method, String path, Object body) {
        return sendAt(null, method, path, body);
    }

    /** @param version the {@code container-infra} microversion to ask for; null sends none (1.1) */
    Api.Response sendAt(String version, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60));
            if (version != null) {
                request.header("OpenStack-API-Version", "container-infra " + version);
            }
            if (token != null) {
                request.header("X-Auth-Token", token);
            }
            String text = body == null ? null : JSON.writeValueAsString(body);
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name; // never the token
    }
}
