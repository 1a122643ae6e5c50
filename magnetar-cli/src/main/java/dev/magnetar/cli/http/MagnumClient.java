package dev.magnetar.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small synchronous client for Magnum's v1 API as Magnetar serves it. It adds the identity and
 * microversion headers to every call, turns error statuses into {@link ApiException} and a missing
 * server into {@link ServerUnreachableException}; it knows nothing about the resources themselves.
 */
public final class MagnumClient {

    /** The microversion header, as python-magnumclient sends it. */
    public static final String API_VERSION_HEADER = "OpenStack-API-Version";
    private static final String SERVICE_TYPE = "container-infra";

    private final ApiSettings settings;
    private final HttpTransport http;
    private final ObjectMapper json;

    public MagnumClient(ApiSettings settings, HttpTransport http, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.json = json;
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "magnetar-cli");
        headers.put(API_VERSION_HEADER, SERVICE_TYPE + " " + settings.apiVersion());
        if (settings.token() != null) {
            headers.put("X-Auth-Token", settings.token());
        }
        if (settings.projectId() != null) {
            headers.put("X-Project-Id", settings.projectId());
        }
        if (settings.roles() != null) {
            headers.put("X-Roles", settings.roles());
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        HttpTransport.Reply reply;
        try {
            reply = http.send(method, uri, headers, body == null ? null : write(body));
        } catch (IOException e) {
            throw new ServerUnreachableException(settings.endpoint(), e);
        }
        if (reply.status() >= 400) {
            throw new ApiException(reply.status(), ErrorBody.message(json, reply.status(), reply.body()),
                    reply.requestId());
        }
        return new Response(reply.status(), read(reply.body()));
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
