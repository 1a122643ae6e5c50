package dev.magnetar.core.port;

/**
 * Which rows a caller may see. Tenancy is applied in the query, so other projects' rows simply
 * do not exist for the caller (Magnum answers 404, not 403).
 *
 * @param projectId     the caller's project, or {@code null} for every project (admins)
 * @param includePublic also templates marked public (templates only)
 * @param includeHidden also hidden public templates (admins only)
 */
public record Scope(String projectId, boolean includePublic, boolean includeHidden) {

    public static Scope allProjects() {
        return new Scope(null, true, true);
    }

    public static Scope project(String projectId) {
        return new Scope(projectId, false, false);
    }
}
