package dev.magnetar.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small synchronous client for Magnum's v1 API as Magnetar serves it. It adds the identity and
 * microversion headers to every call, turns error statuses into {@link ApiException} and a missing
 * server into {@link ServerUnreachableException}; it knows nothing about the resources themselves.
 */
public final class MagnumClient {

    /** The microversion header, as python-magnumclient sends it. */
    public static final String API_VERSION_HEADER = "OpenStack-API-Version";
    private static final String SERVICE_TYPE = "container-infra";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final ApiSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;

    public MagnumClient(ApiSettings settings, HttpClient http, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.json = json;
    }

    /** An HTTP/1.1 client: Magnum's API has nothing to gain from an h2c upgrade attempt. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ApiSettings settings() {
        return settings;
    }

    public Response get(ApiPath path) {
        return send("GET", path.toString(), null);
    }

    /**
     * GET of a path+query the server handed out, such as a collection's {@code next} link. Only the
     * part from {@code /v1} on is kept, so the request goes to the endpoint the user chose.
     */
    public Response getLink(String link) {
        URI uri = URI.create(link);
        String path = uri.getRawPath();
        int v1 = path.indexOf("/v1/");
        String relative = (v1 >= 0 ? path.substring(v1) : path) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return send("GET", relative, null);
    }

    public Response post(ApiPath path, JsonNode body) {
        return send("POST", path.toString(), body);
    }

    public Response patch(ApiPath path, JsonNode body) {
        return send("PATCH", path.toString(), body);
    }

    public Response delete(ApiPath path) {
        return send("DELETE", path.toString(), null);
    }

    private Response send(String method, String pathAndQuery, JsonNode body) {
        URI uri = URI.create(settings.endpoint() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", "magnetar-cli")
                .header(API_VERSION_HEADER, SERVICE_TYPE + " " + settings.apiVersion());
        if (settings.token() != null) {
            request.header("X-Auth-Token", settings.token());
        }
        if (settings.projectId() != null) {
            request.header("X-Project-Id", settings.projectId());
        }
        if (settings.roles() != null) {
            request.header("X-Roles", settings.roles());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerUnreachableException(settings.endpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(settings.endpoint(), e);
        }
        String requestId = response.headers().firstValue("X-Openstack-Request-Id").orElse(null);
        if (response.statusCode() >= 400) {
            throw new ApiException(response.statusCode(),
                    ErrorBody.message(json, response.statusCode(), response.body()), requestId);
        }
        return new Response(response.statusCode(), read(response.body()));
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(502, "The server answered with a body that is not JSON: " + abbreviate(body), null);
        }
    }

    private static String abbreviate(String body) {
        String line = body.strip().replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** A successful answer: its status (201 and 202 mean different things for bays) and JSON body. */
    public record Response(int status, JsonNode body) {
    }
}
