package dev.magnetar.core.context;

import java.util.Set;

/**
 * Who is asking, and for which request: built by the API's auth layer (Keystone or noauth) and
 * passed to services and to look-ups that act on the caller's behalf.
 *
 * @param authToken the caller's token when Keystone auth is on; never logged
 */
public record RequestContext(
        String requestId,
        String userId,
        String userName,
        String projectId,
        String projectName,
        String domainId,
        String domainName,
        Set<String> roles,
        String authToken) {

    public RequestContext {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Magnum's {@code context_is_admin}: the {@code admin} role. */
    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** A context for the service's own background work (conductor, reconcile, monitor). */
    public static RequestContext service(String requestId) {
        return new RequestContext(requestId, "magnetar", "magnetar", null, null, null, null, Set.of("admin"), null);
    }
}
