package dev.magnetar.server.api.auth;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code noauth}: every request acts as an admin of a fixed project unless the {@code X-Project-Id},
 * {@code X-User-Id} and {@code X-Roles} headers (the ones keystonemiddleware would set) say otherwise.
 * For the embedded default and tests; never for a shared deployment.
 *
 * <p>The ids are stored with what the caller creates, so they are held to what Keystone issues:
 * Keystone's user and project ids are at most 64 characters (its {@code id} columns are
 * {@code VARCHAR(64)}; in practice 32 hex digits, or a 64-digit hash for LDAP and federated users),
 * so 1 to 64 visible ASCII characters are allowed; anything else is a 400 naming the header, never
 * a failed write against the 255-character {@code project_id} and {@code user_id} columns.
 */
public final class NoAuthContexts implements RequestContexts {

    private static final Pattern KEYSTONE_ID = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private final String defaultProject;

    public NoAuthContexts(String defaultProject) {
        this.defaultProject = defaultProject;
    }

    @Override
    public RequestContext authenticate(Context http, String requestId) {
        String project = id(http, "X-Project-Id", defaultProject);
        String user = id(http, "X-User-Id", "admin");
        Set<String> roles = Arrays.stream(header(http, "X-Roles", "admin").split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        return new RequestContext(requestId, user, header(http, "X-User-Name", user), project,
                header(http, "X-Project-Name", project), "default", "Default", roles, null);
    }

    private static String id(Context http, String name, String fallback) {
        String value = header(http, name, fallback);
        if (!KEYSTONE_ID.matcher(value).matches()) {
            throw MagnetarException.invalid("The " + name + " header of " + value.length()
                    + " characters is not allowed: an id is 1 to 64 visible ASCII characters, as Keystone issues them.");
        }
        return value;
    }

    private static String header(Context http, String name, String fallback) {
        String value = http.header(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
