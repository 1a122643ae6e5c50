package dev.magnetar.store;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterObserved;
import dev.magnetar.core.model.ClusterSpec;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Scope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clusters in {@code clusters}; bays are the same rows. Updates are optimistic on {@code version}. */
final class JdbiClusterRepository implements ClusterRepository {

    static final Columns COLUMNS = Columns.ofRecord("clusters", Cluster.class, Map.of());

    private static final RowMapper<ClusterSpec> SPEC = ConstructorMapper.of(ClusterSpec.class);
    private static final RowMapper<ClusterObserved> OBSERVED = ConstructorMapper.of(ClusterObserved.class);

    /**
     * The spec and the observed part are mapped by JDBI; only the owner's columns are named here.
     * JDBI matches a constructor mapper's parameters to the result's columns in {@code specialize},
     * once per result set; called per row through {@code map}, it matched them again for every row
     * (in a burst of creates that was an eighth of the server's CPU, most of it the 1,000-row lists).
     */
    private static final RowMapper<Cluster> MAPPER = new RowMapper<>() {
        @Override
        public Cluster map(ResultSet row, StatementContext ctx) throws SQLException {
            return specialize(row, ctx).map(row, ctx);
        }

        @Override
        public RowMapper<Cluster> specialize(ResultSet result, StatementContext ctx) throws SQLException {
            RowMapper<ClusterSpec> spec = SPEC.specialize(result, ctx);
            RowMapper<ClusterObserved> observed = OBSERVED.specialize(result, ctx);
            return (row, context) -> new Cluster(
                    row.getString("uuid"),
                    row.getString("name"),
                    row.getString("project_id"),
                    row.getString("user_id"),
                    spec.map(row, context),
                    observed.map(row, context),
                    Instants.read(row, "created_at"),
                    Instants.read(row, "updated_at"),
                    row.getLong("version"));
        }
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
        uniqueKeys.orConflict(() -> bind(handle.createUpdate(COLUMNS.insert()), cluster).execute(),
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
                .execute() == 1;
    }

    @Override
    public boolean updateHealth(Cluster cluster) {
        return bind(handle.createUpdate("UPDATE clusters SET health_status = :healthStatus,"
                        + " health_status_reason = :healthStatusReason, coe_version = :coeVersion,"
                        + " version = version + 1 WHERE uuid = :uuid AND version = :version"), cluster)
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
        ClusterStats counted = query.map((row, ctx) -> new ClusterStats(row.getLong("clusters"), row.getLong("nodes")))
                .one();
        // The nodes of added node groups (Magnum counts every group's), read from the clusters that have some.
        where.add("t.node_groups IS NOT NULL");
        long pooled = where.bindTo(handle.createQuery("SELECT t.node_groups FROM clusters t " + where.where()))
                .mapTo(String.class).stream()
                .mapToLong(json -> NodeGroupsJson.readGroups(json).stream().mapToLong(NodeGroup::nodeCount).sum())
                .sum();
        return new ClusterStats(counted.clusters(), counted.nodes() + pooled);
    }

    /** Clusters belong to their project only; there are no public clusters. */
    private static Conditions visibleIn(Scope scope) {
        Conditions where = new Conditions();
        if (scope.projectId() != null) {
            where.add("t.project_id = :project", "project", scope.projectId());
        }
        return where;
    }

    /** Binds every column, each from its accessor: the owner's, the spec's and the observed part's. */
    private static <S extends SqlStatement<S>> S bind(S statement, Cluster c) {
        return statement.bindMethods(c).bindMethods(c.spec()).bindMethods(c.observed());
    }
}
