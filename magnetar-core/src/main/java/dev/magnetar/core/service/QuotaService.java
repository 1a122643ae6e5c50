package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Quota;
import dev.magnetar.core.port.Database;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Explicit per-project cluster quotas ({@code /v1/quotas}); managing them is for admins. */
public final class QuotaService {

    public static final String CLUSTER_RESOURCE = "Cluster";

    private final Database database;
    private final Clock clock;

    public QuotaService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Quota create(RequestContext context, String projectId, String resource, int hardLimit) {
        Policy.requireAdmin(context, "quota:create");
        if (projectId == null || projectId.isBlank()) {
            throw MagnetarException.invalid("Must provide a valid project ID.");
        }
        checkResource(resource);
        checkLimit(hardLimit);
        return database.transaction(repos -> {
            if (repos.quotas().find(projectId, resource).isPresent()) {
                throw MagnetarException.conflict(
                        "Quota for project " + projectId + " already exists for resource " + resource + ".");
            }
            return repos.quotas().insert(projectId, resource, hardLimit, clock.instant());
        });
    }

    public Quota get(RequestContext context, String projectId, String resource) {
        Policy.requireProjectAccess(context, projectId, "quota:get");
        return database.transaction(repos -> repos.quotas().find(projectId, resource))
                .orElseThrow(() -> notFound(projectId, resource));
    }

    /** Admins asking for all tenants see every quota; everyone else sees their own project's. */
    public List<Quota> list(RequestContext context, boolean allTenants, int limit, Long marker) {
        String project = context.isAdmin() && allTenants ? null : context.projectId();
        return database.transaction(repos -> repos.quotas().list(project, limit, marker));
    }

    /**
     * Sets a quota's hard limit. The write names the version it read; when another request changed or
     * deleted the quota in between, it reads again (a deleted quota is then a 404) and writes again.
     */
    public Quota update(RequestContext context, String projectId, String resource, int hardLimit) {
        Policy.requireAdmin(context, "quota:update");
        checkLimit(hardLimit);
        return OptimisticRetry.run(() -> "Quota for project " + projectId + " and resource " + resource
                + " was changed by another request; retry with its current state.", attempt -> database.transaction(repos -> {
            Quota current = repos.quotas().find(projectId, resource).orElseThrow(() -> notFound(projectId, resource));
            Quota updated = new Quota(current.id(), projectId, resource, hardLimit, current.createdAt(),
                    clock.instant(), current.version());
            if (!repos.quotas().update(updated)) {
                return Optional.empty();
            }
            return Optional.of(new Quota(updated.id(), projectId, resource, hardLimit, updated.createdAt(),
                    updated.updatedAt(), current.version() + 1));
        }));
    }

    public void delete(RequestContext context, String projectId, String resource) {
        Policy.requireAdmin(context, "quota:delete");
        database.transact(repos -> {
            if (!repos.quotas().delete(projectId, resource)) {
                throw notFound(projectId, resource);
            }
        });
    }

    private static void checkResource(String resource) {
        if (!CLUSTER_RESOURCE.equals(resource)) {
            throw MagnetarException.invalid("Invalid input for field/attribute resource. Value: '" + resource
                    + "'. Value should be one of: " + CLUSTER_RESOURCE);
        }
    }

    private static void checkLimit(int hardLimit) {
        if (hardLimit < 1) {
            throw MagnetarException.invalid("Invalid input for field/attribute hard_limit. Value: '" + hardLimit
                    + "'. Value should be greater or equal to 1");
        }
    }

    private static MagnetarException notFound(String projectId, String resource) {
        return MagnetarException.notFound(
                "Quota for project " + projectId + " and resource " + resource + " could not be found.");
    }
}
