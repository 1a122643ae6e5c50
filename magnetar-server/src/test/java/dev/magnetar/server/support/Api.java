package dev.magnetar.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for API tests: real requests over loopback, answers with status, headers and
 * the parsed body. Headers set with {@link #as} apply to every later request of this instance.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A client acting as another caller (noauth headers). */
    public Api as(String projectId, String roles) {
        Api other = new Api(baseUrl);
        other.headers.putAll(headers);
        other.headers.put("X-Project-Id", projectId);
        other.headers.put("X-User-Id", projectId + "-user");
        other.headers.put("X-Roles", roles);
        return other;
    }

    public Api withVersion(String version) {
        Api other = new Api(baseUrl);
        other.headers.putAll(headers);
        other.headers.put("OpenStack-API-Version", "container-infra " + version);
        return other;
    }

    /** A client that also sends {@code name: value} (e.g. {@code If-None-Match}). */
    public Api withHeader(String name, String value) {
        Api other = new Api(baseUrl);
        other.headers.putAll(headers);
        other.headers.put(name, value);
        return other;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends {@code body} as JSON (a String is sent verbatim). */
    public Response send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response; {@link #json()} parses the body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Response body is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** {@code errors[0].detail} of Magnum's error envelope. */
        public String detail() {
            return json().path("errors").path(0).path("detail").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
