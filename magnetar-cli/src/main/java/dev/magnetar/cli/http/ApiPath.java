package dev.magnetar.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path under {@code /v1} with its query string. Identifiers typed by users (names, UUIDs,
 * project ids) are percent-encoded segment by segment so that no input can change which resource is
 * addressed.
 */
public final class ApiPath {

    private final List<String> segments;
    private final List<String> query;

    private ApiPath(List<String> segments, List<String> query) {
        this.segments = List.copyOf(segments);
        this.query = List.copyOf(query);
    }

    /** {@code /v1/<segments...>}. */
    public static ApiPath v1(String... segments) {
        return new ApiPath(List.of("v1"), List.of()).segments(segments);
    }

    /** A further path segment, encoded. */
    public ApiPath segment(String segment) {
        List<String> more = new ArrayList<>(segments);
        more.add(segment);
        return new ApiPath(more, query);
    }

    private ApiPath segments(String... more) {
        ApiPath path = this;
        for (String segment : more) {
            path = path.segment(segment);
        }
        return path;
    }

    /** Appends {@code name=value}; a {@code null} value leaves the query unchanged. */
    public ApiPath query(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<String> more = new ArrayList<>(query);
        more.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        return new ApiPath(segments, more);
    }

    @Override
    public String toString() {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(encodeSegment(segment));
        }
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        return path.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encodeSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
