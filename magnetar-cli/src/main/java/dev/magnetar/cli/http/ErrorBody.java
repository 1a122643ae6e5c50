package dev.magnetar.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the human message out of an error response. Magnum wraps every error as
 * {@code {"errors":[{"status","code","title","detail",...}]}}; older servers and proxies answer
 * with wsme's {@code error_message} or plain text, which are shown as they are.
 */
final class ErrorBody {

    private ErrorBody() {
    }

    static String message(ObjectMapper json, int status, String body) {
        if (body == null || body.isBlank()) {
            return "HTTP " + status;
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode first = root.path("errors").path(0);
            for (String field : new String[] {"detail", "title"}) {
                if (first.path(field).isTextual() && !first.path(field).asText().isBlank()) {
                    return first.path(field).asText();
                }
            }
            JsonNode wsme = root.path("error_message");
            if (wsme.isTextual()) {
                return faultString(json, wsme.asText());
            }
        } catch (java.io.IOException notJson) {
            // fall through to the raw body
        }
        return body.strip();
    }

    private static String faultString(ObjectMapper json, String errorMessage) {
        try {
            JsonNode fault = json.readTree(errorMessage).path("faultstring");
            return fault.isTextual() ? fault.asText() : errorMessage;
        } catch (java.io.IOException notJson) {
            return errorMessage;
        }
    }
}
