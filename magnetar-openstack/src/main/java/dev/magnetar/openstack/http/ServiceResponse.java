package dev.magnetar.openstack.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One answer of an OpenStack service, body already parsed (a missing or non-JSON body reads as an
 * empty object), so callers branch on status and read fields without touching the wire.
 */
public record ServiceResponse(int status, JsonNode body, java.net.http.HttpHeaders headers) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The human message OpenStack services put in their error bodies. Heat answers
     * {@code {"error": {"message": …}, "explanation": …}}, Keystone {@code {"error": {"message": …}}},
     * Nova and Neutron {@code {"<kind>": {"message": …}}} or {@code {"NeutronError": {"message": …}}},
     * webob's plain errors only {@code title}/{@code explanation}.
     */
    public String errorMessage() {
        String nested = body.path("error").path("message").asText("");
        if (!nested.isBlank()) {
            return nested.strip();
        }
        for (JsonNode child : body) {
            String message = child.path("message").asText("");
            if (!message.isBlank()) {
                return message.strip();
            }
        }
        for (String field : new String[] {"explanation", "message", "title"}) {
            String text = body.path(field).asText("");
            if (!text.isBlank()) {
                return text.strip();
            }
        }
        return "HTTP " + status;
    }
}
