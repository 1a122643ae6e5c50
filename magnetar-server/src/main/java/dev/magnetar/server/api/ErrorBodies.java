package dev.magnetar.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Magnum's error envelopes: {@code {"errors":[{request_id, code, status, title, detail, links}]}},
 * where {@code title} is the detail up to its first full stop, and the microversion variant.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Map<String, Object> of(int status, String detail, String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("request_id", requestId == null ? "" : requestId);
        error.put("code", status >= 500 ? "server" : "client");
        error.put("status", status);
        error.put("title", title(detail));
        error.put("detail", detail);
        error.put("links", List.of());
        return Map.of("errors", List.of(error));
    }

    public static Map<String, Object> microversion(String detail, String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("request_id", requestId == null ? "" : requestId);
        error.put("code", "magnum.microversion-unsupported");
        error.put("status", 406);
        error.put("title", "Requested microversion is unsupported");
        error.put("detail", detail);
        error.put("max_version", ApiVersion.MAX.toString());
        error.put("min_version", ApiVersion.MIN.toString());
        error.put("links", List.of(Map.of("rel", "help",
                "href", "http://developer.openstack.org/api-guide/compute/microversions.html")));
        return Map.of("errors", List.of(error));
    }

    static String title(String detail) {
        if (detail == null) {
            return "";
        }
        int stop = detail.indexOf('.');
        // "Value: 'a.b'" must not be cut at a dot inside a value: cut only at ". " or the end.
        int sentence = detail.indexOf(". ");
        int cut = sentence >= 0 ? sentence : (stop == detail.length() - 1 ? stop : -1);
        return cut >= 0 ? detail.substring(0, cut) : detail;
    }
}
