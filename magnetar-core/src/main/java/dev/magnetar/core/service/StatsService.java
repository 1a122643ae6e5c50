package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.ClusterRepository.ClusterStats;
import dev.magnetar.core.port.Database;

import java.util.Locale;

/** {@code /v1/stats}: cluster and node counts from stored state. */
public final class StatsService {

    private final Database database;

    public StatsService(Database database) {
        this.database = database;
    }

    /**
     * @param projectId null for the caller's own project (or every project, for admins)
     * @param type      null or {@code cluster}, in any case
     */
    public ClusterStats stats(RequestContext context, String projectId, String type) {
        if (type != null && !type.toLowerCase(Locale.ROOT).equals("cluster")) {
            throw MagnetarException.invalid("Invalid stats type. Allowed values are 'cluster'");
        }
        String project;
        if (projectId != null) {
            Policy.requireProjectAccess(context, projectId, "stats:get_all");
            project = projectId;
        } else {
            project = context.isAdmin() ? null : context.projectId();
        }
        return database.transaction(repos -> repos.clusters().stats(project));
    }
}
