package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Scope;

/**
 * Magnum's default policy, with the upstream hole closed: a public template can be changed or
 * deleted only by its owner's project or an admin, under either name (clustertemplate and baymodel).
 */
public final class Policy {

    private Policy() {
    }

    /** What a caller may see: admins every project, others their own (plus public templates). */
    public static Scope scopeFor(RequestContext context) {
        return context.isAdmin() ? Scope.allProjects() : new Scope(context.projectId(), true, false);
    }

    /**
     * Keystone's {@code reader} role reads and never writes: a caller whose only roles are
     * {@code reader} may not create, change or delete anything, in any project.
     */
    public static void requireWriter(RequestContext context, String action) {
        if (readsOnly(context)) {
            throw MagnetarException.forbidden("Policy doesn't allow " + action + " to be performed.");
        }
    }

    /** Whether the caller's only role is Keystone's {@code reader}. */
    public static boolean readsOnly(RequestContext context) {
        return !context.roles().isEmpty() && context.roles().stream().allMatch("reader"::equals);
    }

    /** {@code admin_or_owner} on a template; public templates are readable by all but not writable. */
    public static void requireTemplateOwner(RequestContext context, ClusterTemplate template, String action) {
        requireWriter(context, action);
        if (!context.isAdmin() && !java.util.Objects.equals(context.projectId(), template.projectId())) {
            throw MagnetarException.forbidden("Policy doesn't allow " + action + " to be performed.");
        }
    }

    /** {@code clustertemplate:publish}: only admins may set {@code public} or {@code hidden}. */
    public static void requirePublishRight(RequestContext context) {
        if (!context.isAdmin()) {
            throw MagnetarException.forbidden("Not authorized to set public or hidden flag for cluster template.");
        }
    }

    /** {@code admin_api} rules: mservices, quota management. */
    public static void requireAdmin(RequestContext context, String action) {
        if (!context.isAdmin()) {
            throw MagnetarException.forbidden("Policy doesn't allow " + action + " to be performed.");
        }
    }

    /** {@code admin_or_owner} on a project-scoped read such as stats or one quota. */
    public static void requireProjectAccess(RequestContext context, String projectId, String action) {
        if (!context.isAdmin() && !java.util.Objects.equals(context.projectId(), projectId)) {
            throw MagnetarException.forbidden("Policy doesn't allow " + action + " to be performed.");
        }
    }
}
