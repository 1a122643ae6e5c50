package dev.magnetar.server.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A negotiated {@code container-infra} microversion. Magnum's rules: no header means 1.1,
 * {@code latest} means the maximum, anything else must be {@code 1.<minor>} within [min, max].
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    public static final String HEADER = "OpenStack-API-Version";
    public static final String SERVICE = "container-infra";
    public static final ApiVersion MIN = new ApiVersion(1, 1);
    public static final ApiVersion MAX = new ApiVersion(1, 10);

    /** {@code PATCH /v1/certificates/{cluster}} rotates the cluster's CA. */
    public static final ApiVersion CA_ROTATION = new ApiVersion(1, 5);

    /** Bay create, update and delete become asynchronous (202). */
    public static final ApiVersion ASYNC_BAYS = new ApiVersion(1, 2);
    /** {@code ?rollback=} on updates. */
    public static final ApiVersion ROLLBACK = new ApiVersion(1, 3);
    /** {@code POST /v1/clusters/{id}/actions/resize}. */
    public static final ApiVersion RESIZE = new ApiVersion(1, 7);
    /** {@code POST /v1/clusters/{id}/actions/upgrade}. */
    public static final ApiVersion UPGRADE = new ApiVersion(1, 8);
    /** {@code /v1/clusters/{id}/nodegroups}. */
    public static final ApiVersion NODEGROUPS = new ApiVersion(1, 9);
    /** {@code node_count} may be zero. */
    public static final ApiVersion ZERO_NODES = new ApiVersion(1, 10);

    private static final Pattern NUMBER = Pattern.compile("^(\\d+)\\.(\\d+)$");

    /**
     * Parses the header value; throws {@link Unacceptable} with Magnum's message when it cannot be
     * served.
     */
    public static ApiVersion negotiate(String header) {
        if (header == null || header.isBlank()) {
            return MIN;
        }
        String[] tokens = header.trim().split("\\s+");
        if (tokens.length != 2 || !tokens[0].toLowerCase(Locale.ROOT).equals(SERVICE)) {
            throw new Unacceptable("Invalid service type for " + HEADER + " header");
        }
        if (tokens[1].equalsIgnoreCase("latest")) {
            return MAX;
        }
        Matcher m = NUMBER.matcher(tokens[1]);
        if (!m.matches()) {
            throw new Unacceptable("Invalid value for " + HEADER + " header");
        }
        ApiVersion requested;
        try {
            requested = new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new Unacceptable("Invalid value for " + HEADER + " header");
        }
        if (requested.compareTo(MIN) < 0 || requested.compareTo(MAX) > 0) {
            throw new Unacceptable("Version " + requested + " was requested but the minor version is not "
                    + "supported by this service. The supported version range is: [" + MIN + ", " + MAX + "].");
        }
        return requested;
    }

    public boolean atLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /** The header cannot be served: a 406 with Magnum's microversion error body. */
    public static final class Unacceptable extends RuntimeException {
        public Unacceptable(String message) {
            super(message);
        }
    }
}
