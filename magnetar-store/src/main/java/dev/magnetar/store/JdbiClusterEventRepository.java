package dev.magnetar.store;

import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.port.ClusterEventRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Cluster history in {@code cluster_events}; the auto-increment id is the order events happened in. */
final class JdbiClusterEventRepository implements ClusterEventRepository {

    private static final RowMapper<ClusterEvent> MAPPER = (row, ctx) -> {
        String status = row.getString("status");
        String health = row.getString("health_status");
        return new ClusterEvent(
                row.getLong("id"),
                Instants.read(row, "created_at"),
                row.getString("cluster_uuid"),
                row.getString("project_id"),
                ClusterEventKind.valueOf(row.getString("kind")),
                row.getString("actor"),
                row.getString("reason"),
                status == null ? null : ClusterStatus.valueOf(status),
                health == null ? null : HealthStatus.valueOf(health));
    };

    private final Handle handle;

    JdbiClusterEventRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void record(ClusterEvent event) {
        handle.createUpdate("INSERT INTO cluster_events (cluster_uuid, project_id, kind, actor, reason, status,"
                        + " health_status, created_at) VALUES (:cluster_uuid, :project_id, :kind, :actor, :reason,"
                        + " :status, :health_status, :created_at)")
                .bind("cluster_uuid", event.clusterUuid())
                .bind("project_id", event.projectId())
                .bind("kind", event.kind().name())
                .bind("actor", event.actor())
                .bind("reason", event.reason())
                .bind("status", event.status() == null ? null : event.status().name())
                .bind("health_status", event.healthStatus() == null ? null : event.healthStatus().name())
                .bind("created_at", Instants.argument(event.time()))
                .execute();
    }

    @Override
    public List<ClusterEvent> listFor(String clusterUuid, int limit) {
        List<ClusterEvent> newestFirst = new ArrayList<>(handle.createQuery(
                        "SELECT * FROM cluster_events WHERE cluster_uuid = :uuid ORDER BY id DESC LIMIT :limit")
                .bind("uuid", clusterUuid)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
