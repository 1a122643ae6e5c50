package dev.magnetar.openstack.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.context.RequestContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What Keystone says about a token: whose it is, which project it is scoped to, the roles it
 * carries, when it expires and the catalogue it opens. Holds no token value, so it is safe to log.
 */
public record TokenInfo(String userId, String userName, String userDomainId, String userDomainName,
                        String projectId, String projectName, String projectDomainId, String projectDomainName,
                        Set<String> roles, Instant expiresAt, ServiceCatalog catalog) {

    public TokenInfo {
        roles = Set.copyOf(roles);
        catalog = catalog == null ? ServiceCatalog.EMPTY : catalog;
    }

    /** Reads the {@code token} object of a v3 token body (issue or validation). */
    public static TokenInfo fromJson(JsonNode token) {
        JsonNode user = token.path("user");
        JsonNode project = token.path("project");
        Set<String> roles = new LinkedHashSet<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        return new TokenInfo(user.path("id").asText(null), user.path("name").asText(null),
                user.path("domain").path("id").asText(null), user.path("domain").path("name").asText(null),
                project.path("id").asText(null), project.path("name").asText(null),
                project.path("domain").path("id").asText(null), project.path("domain").path("name").asText(null),
                roles, instant(token.path("expires_at").asText()),
                ServiceCatalog.fromJson(token.path("catalog")));
    }

    /**
     * Keystone writes {@code 2026-11-24T19:27:26.000000Z}, but without the zone when the expiry
     * comes from an application credential's; both are UTC.
     */
    static Instant instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC);
        }
    }

    public boolean isProjectScoped() {
        return projectId != null;
    }

    /** The request context the API builds for a caller who presented this token. */
    public RequestContext toRequestContext(String requestId, String authToken) {
        return new RequestContext(requestId, userId, userName, projectId, projectName,
                projectDomainId != null ? projectDomainId : userDomainId,
                projectDomainName != null ? projectDomainName : userDomainName, roles, authToken);
    }
}
