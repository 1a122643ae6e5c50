package dev.magnetar.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.server.api.input.FieldReader;
import io.javalin.http.Context;

/** Per-request values the filters attach, and the body as JSON. */
public final class Requests {

    static final String CONTEXT = "magnetar.context";
    static final String VERSION = "magnetar.version";
    static final String REQUEST_ID = "magnetar.request-id";

    private Requests() {
    }

    public static RequestContext context(Context http) {
        return http.attribute(CONTEXT);
    }

    public static ApiVersion version(Context http) {
        ApiVersion version = http.attribute(VERSION);
        return version == null ? ApiVersion.MIN : version;
    }

    public static String requestId(Context http) {
        return http.attribute(REQUEST_ID);
    }

    /** The scheme and authority clients reached us at, for links. */
    public static String baseUrl(Context http) {
        return http.scheme() + "://" + http.host();
    }

    public static JsonNode body(Context http) {
        String text = RequestBodies.text(http);
        if (text.isBlank()) {
            throw MagnetarException.invalid("Request is not in valid JSON format");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw MagnetarException.invalid("Request is not in valid JSON format");
        }
    }

    public static Integer intQuery(Context http, String name) {
        String value = http.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw FieldReader.invalid(name, value, "Wrong type. Expected 'integer', got 'string'");
        }
    }

    public static boolean boolQuery(Context http, String name) {
        String value = http.queryParam(name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw FieldReader.invalid(name, value, "Value should be a boolean");
        };
    }
}
