package dev.magnetar.server.api;

import dev.magnetar.core.context.RequestContext;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code noauth}: every request acts as an admin of a fixed project unless the {@code X-Project-Id},
 * {@code X-User-Id} and {@code X-Roles} headers (the ones keystonemiddleware would set) say otherwise.
 * For the embedded default and tests; never for a shared deployment.
 */
public final class NoAuthContexts implements RequestContexts {

    private final String defaultProject;

    public NoAuthContexts(String defaultProject) {
        this.defaultProject = defaultProject;
    }

    @Override
    public RequestContext authenticate(Context http, String requestId) {
        String project = header(http, "X-Project-Id", defaultProject);
        String user = header(http, "X-User-Id", "admin");
        Set<String> roles = Arrays.stream(header(http, "X-Roles", "admin").split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        return new RequestContext(requestId, user, header(http, "X-User-Name", user), project,
                header(http, "X-Project-Name", project), "default", "Default", roles, null);
    }

    private static String header(Context http, String name, String fallback) {
        String value = http.header(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
