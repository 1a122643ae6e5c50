package dev.magnetar.core.port;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Clusters (bays share the table). */
public interface ClusterRepository {

    java.util.Set<String> SORT_KEYS = java.util.Set.of("id", "uuid", "name", "status", "node_count", "master_count",
            "created_at", "updated_at", "cluster_template_id", "project_id", "create_timeout", "stack_id",
            "keypair", "health_status");

    void insert(Cluster cluster);

    Optional<Cluster> findByUuid(String uuid);

    List<Cluster> findByName(String name, Scope scope);

    List<Cluster> list(Scope scope, PageRequest page);

    /**
     * Stores {@code cluster} if its {@code version} is still the stored one, and increments the
     * stored version. Returns false (and changes nothing) when someone else updated it first.
     */
    boolean update(Cluster cluster);

    /**
     * Stores only {@code cluster}'s health fields ({@code health_status}, {@code health_status_reason},
     * {@code coe_version}) if its {@code version} is still the stored one, and increments the stored
     * version; every other field stays as stored. Returns false (and changes nothing) when someone
     * else updated it first. The monitor's write: narrower, so cheaper, than {@link #update}.
     */
    boolean updateHealth(Cluster cluster);

    boolean delete(String uuid);

    List<Cluster> findByStatus(Collection<ClusterStatus> statuses);

    int countInProject(String projectId);

    /** Cluster count and node count (node_count + master_count) of one project, or of all when null. */
    ClusterStats stats(String projectId);

    record ClusterStats(long clusters, long nodes) {
    }
}
