package dev.magnetar.store;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Scope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Clusters in {@code clusters}; bays are the same rows. Updates are optimistic on {@code version}. */
final class JdbiClusterRepository implements ClusterRepository {

    static final Columns COLUMNS = new Columns("clusters", List.of("uuid", "name", "project_id", "user_id",
            "cluster_template_id", "keypair", "node_count", "master_count", "docker_volume_size", "create_timeout",
            "discovery_url", "stack_id", "status", "status_reason", "api_address", "coe_version", "container_version",
            "master_addresses", "node_addresses", "labels", "merge_labels", "master_flavor_id", "flavor_id", "fixed_network",
            "fixed_subnet", "floating_ip_enabled", "master_lb_enabled", "faults", "health_status",
            "health_status_reason", "created_at", "updated_at", "version"));

    private static final RowMapper<Cluster> MAPPER = (row, ctx) -> {
        String health = row.getString("health_status");
        return Cluster.builder()
                .uuid(row.getString("uuid"))
                .name(row.getString("name"))
                .projectId(row.getString("project_id"))
                .userId(row.getString("user_id"))
                .clusterTemplateId(row.getString("cluster_template_id"))
                .keypair(row.getString("keypair"))
                .nodeCount(row.getInt("node_count"))
                .masterCount(row.getInt("master_count"))
                .dockerVolumeSize(row.getObject("docker_volume_size", Integer.class))
                .createTimeout(row.getInt("create_timeout"))
                .discoveryUrl(row.getString("discovery_url"))
                .stackId(row.getString("stack_id"))
                .status(ClusterStatus.valueOf(row.getString("status")))
                .statusReason(row.getString("status_reason"))
                .apiAddress(row.getString("api_address"))
                .coeVersion(row.getString("coe_version"))
                .containerVersion(row.getString("container_version"))
                .masterAddresses(JsonColumns.readList(row.getString("master_addresses")))
                .nodeAddresses(JsonColumns.readList(row.getString("node_addresses")))
                .labels(JsonColumns.readMap(row.getString("labels")))
                .mergeLabels(row.getBoolean("merge_labels"))
                .masterFlavorId(row.getString("master_flavor_id"))
                .flavorId(row.getString("flavor_id"))
                .fixedNetwork(row.getString("fixed_network"))
                .fixedSubnet(row.getString("fixed_subnet"))
                .floatingIpEnabled(row.getObject("floating_ip_enabled", Boolean.class))
                .masterLbEnabled(row.getObject("master_lb_enabled", Boolean.class))
                .faults(JsonColumns.readMap(row.getString("faults")))
                .healthStatus(health == null ? null : HealthStatus.valueOf(health))
                .healthStatusReason(JsonColumns.readMap(row.getString("health_status_reason")))
                .createdAt(Instants.read(row, "created_at"))
                .updatedAt(Instants.read(row, "updated_at"))
                .version(row.getLong("version"))
                .build();
    };

    private static final String SELECT = "SELECT " + COLUMNS.select() + " FROM clusters t ";
    private static final PageQuery PAGING = new PageQuery(COLUMNS.table(), SORT_KEYS);

    private final Handle handle;
    private final UniqueKeys uniqueKeys;

    JdbiClusterRepository(Handle handle, UniqueKeys uniqueKeys) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
    }

    @Override
    public void insert(Cluster cluster) {
        uniqueKeys.orConflict(() -> bind(handle.createUpdate(COLUMNS.insert()), cluster)
                        .bind("version", cluster.version())
                        .execute(),
                () -> "A cluster with UUID " + cluster.uuid() + " already exists.");
    }

    @Override
    public Optional<Cluster> findByUuid(String uuid) {
        return handle.createQuery(SELECT + "WHERE t.uuid = :uuid").bind("uuid", uuid).map(MAPPER).findOne();
    }

    @Override
    public List<Cluster> findByName(String name, Scope scope) {
        Conditions where = visibleIn(scope).add("t.name = :name", "name", name);
        return where.bindTo(handle.createQuery(SELECT + where.where() + " ORDER BY t.id")).map(MAPPER).list();
    }

    @Override
    public List<Cluster> list(Scope scope, PageRequest page) {
        Conditions where = visibleIn(scope).add(PAGING.afterMarker(page));
        if (page.marker() != null) {
            where.bind("marker", page.marker());
        }
        return where.bindTo(handle.createQuery(SELECT + where.where() + " " + PAGING.orderBy(page) + " LIMIT :limit"))
                .bind("limit", page.limit())
                .map(MAPPER)
                .list();
    }

    @Override
    public boolean update(Cluster cluster) {
        return bind(handle.createUpdate("UPDATE clusters SET " + COLUMNS.assignmentsExcept("uuid", "version")
                        + ", version = version + 1 WHERE uuid = :uuid AND version = :version"), cluster)
                .bind("version", cluster.version())
                .execute() == 1;
    }

    @Override
    public boolean updateHealth(Cluster cluster) {
        return handle.createUpdate("UPDATE clusters SET health_status = :health_status,"
                        + " health_status_reason = :health_status_reason, coe_version = :coe_version,"
                        + " version = version + 1 WHERE uuid = :uuid AND version = :version")
                .bind("health_status", cluster.observed().healthStatus() == null ? null : cluster.observed().healthStatus().name())
                .bind("health_status_reason", JsonColumns.write(cluster.observed().healthStatusReason()))
                .bind("coe_version", cluster.observed().coeVersion())
                .bind("uuid", cluster.uuid())
                .bind("version", cluster.version())
                .execute() == 1;
    }

    @Override
    public boolean delete(String uuid) {
        return handle.createUpdate("DELETE FROM clusters WHERE uuid = :uuid").bind("uuid", uuid).execute() == 1;
    }

    @Override
    public List<Cluster> findByStatus(Collection<ClusterStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(SELECT + "WHERE t.status IN (<statuses>) ORDER BY t.id")
                .bindList("statuses", statuses.stream().map(Enum::name).toList())
                .map(MAPPER)
                .list();
    }

    @Override
    public int countInProject(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM clusters WHERE project_id = :project")
                .bind("project", projectId)
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public ClusterStats stats(String projectId) {
        Conditions where = new Conditions();
        if (projectId != null) {
            where.add("t.project_id = :project", "project", projectId);
        }
        Query query = where.bindTo(handle.createQuery(
                "SELECT COUNT(*) AS clusters, COALESCE(SUM(t.node_count + t.master_count), 0) AS nodes FROM clusters t "
                        + where.where()));
        return query.map((row, ctx) -> new ClusterStats(row.getLong("clusters"), row.getLong("nodes"))).one();
    }

    /** Clusters belong to their project only; there are no public clusters. */
    private static Conditions visibleIn(Scope scope) {
        Conditions where = new Conditions();
        if (scope.projectId() != null) {
            where.add("t.project_id = :project", "project", scope.projectId());
        }
        return where;
    }

    /** Binds every column but {@code version}, whose meaning differs between insert and update. */
    private static <S extends SqlStatement<S>> S bind(S statement, Cluster c) {
        return statement
                .bind("uuid", c.uuid())
                .bind("name", c.name())
                .bind("project_id", c.projectId())
                .bind("user_id", c.userId())
                .bind("cluster_template_id", c.spec().clusterTemplateId())
                .bind("keypair", c.spec().keypair())
                .bind("node_count", c.spec().nodeCount())
                .bind("master_count", c.spec().masterCount())
                .bind("docker_volume_size", c.spec().dockerVolumeSize())
                .bind("create_timeout", c.spec().createTimeout())
                .bind("discovery_url", c.spec().discoveryUrl())
                .bind("stack_id", c.observed().stackId())
                .bind("status", c.status().name())
                .bind("status_reason", c.observed().statusReason())
                .bind("api_address", c.observed().apiAddress())
                .bind("coe_version", c.observed().coeVersion())
                .bind("container_version", c.observed().containerVersion())
                .bind("master_addresses", JsonColumns.write(c.observed().masterAddresses()))
                .bind("node_addresses", JsonColumns.write(c.observed().nodeAddresses()))
                .bind("labels", JsonColumns.write(c.spec().labels()))
                .bind("merge_labels", c.spec().mergeLabels())
                .bind("master_flavor_id", c.spec().masterFlavorId())
                .bind("flavor_id", c.spec().flavorId())
                .bind("fixed_network", c.spec().fixedNetwork())
                .bind("fixed_subnet", c.spec().fixedSubnet())
                .bind("floating_ip_enabled", c.spec().floatingIpEnabled())
                .bind("master_lb_enabled", c.spec().masterLbEnabled())
                .bind("faults", JsonColumns.write(c.observed().faults()))
                .bind("health_status", c.observed().healthStatus() == null ? null : c.observed().healthStatus().name())
                .bind("health_status_reason", JsonColumns.write(c.observed().healthStatusReason()))
                .bind("created_at", Instants.argument(c.createdAt()))
                .bind("updated_at", Instants.argument(c.updatedAt()));
    }
}
