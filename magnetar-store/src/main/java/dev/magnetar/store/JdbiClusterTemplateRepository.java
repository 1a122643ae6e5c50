package dev.magnetar.store;

import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Scope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cluster templates in {@code cluster_templates}; baymodels are the same rows. Updates are optimistic on {@code version}. */
final class JdbiClusterTemplateRepository implements ClusterTemplateRepository {

    /** Magnum's {@code public} is a Java keyword; the record calls it {@code isPublic}. */
    static final Columns COLUMNS = Columns.ofRecord("cluster_templates", ClusterTemplate.class,
            Map.of("isPublic", "public"));

    private static final RowMapper<ClusterTemplate> MAPPER = ConstructorMapper.of(ClusterTemplate.class);

    /** The templates' generation, one row of {@code change_generations} (V9). */
    static final String GENERATION = "SELECT generation FROM change_generations WHERE name = 'cluster_templates'";

    private static final PageQuery PAGING = new PageQuery(COLUMNS.table(), SORT_KEYS);

    private final Handle handle;
    private final UniqueKeys uniqueKeys;
    private final Runnable onWrite;

    /** @param onWrite told of every template write in this transaction (see {@link JdbiDatabase}) */
    JdbiClusterTemplateRepository(Handle handle, UniqueKeys uniqueKeys, Runnable onWrite) {
        this.handle = handle;
        this.uniqueKeys = uniqueKeys;
        this.onWrite = onWrite;
    }

    @Override
    public void insert(ClusterTemplate template) {
        uniqueKeys.orConflict(() -> handle.createUpdate(COLUMNS.insert()).bindMethods(template).execute(),
                () -> "A ClusterTemplate with UUID " + template.uuid() + " already exists.");
        changed();
    }

    @Override
    public Optional<ClusterTemplate> findByUuid(String uuid) {
        return handle.createQuery("SELECT " + COLUMNS.select() + " FROM cluster_templates t WHERE t.uuid = :uuid")
                .bind("uuid", uuid)
                .map(MAPPER)
                .findOne();
    }

    @Override
    public Optional<ClusterTemplate> lockByUuid(String uuid) {
        return handle.createQuery("SELECT " + COLUMNS.select() + " FROM cluster_templates t WHERE t.uuid = :uuid"
                        + " FOR UPDATE")
                .bind("uuid", uuid)
                .map(MAPPER)
                .findOne();
    }

    @Override
    public List<ClusterTemplate> findByName(String name, Scope scope) {
        Conditions where = visibleIn(scope).add("t.name = :name", "name", name);
        return where.bindTo(handle.createQuery(
                        "SELECT " + COLUMNS.select() + " FROM cluster_templates t " + where.where() + " ORDER BY t.id"))
                .map(MAPPER)
                .list();
    }

    @Override
    public List<ClusterTemplate> list(Scope scope, PageRequest page) {
        Conditions where = visibleIn(scope).add(PAGING.afterMarker(page));
        if (page.marker() != null) {
            where.bind("marker", page.marker());
        }
        return where.bindTo(handle.createQuery("SELECT " + COLUMNS.select() + " FROM cluster_templates t "
                        + where.where() + " " + PAGING.orderBy(page) + " LIMIT :limit"))
                .bind("limit", page.limit())
                .map(MAPPER)
                .list();
    }

    @Override
    public boolean update(ClusterTemplate template) {
        return changedIf(handle.createUpdate("UPDATE cluster_templates SET "
                        + COLUMNS.assignmentsExcept("uuid", "version")
                        + ", version = version + 1 WHERE uuid = :uuid AND version = :version")
                .bindMethods(template)
                .execute() == 1);
    }

    @Override
    public boolean delete(String uuid) {
        return changedIf(handle.createUpdate("DELETE FROM cluster_templates WHERE uuid = :uuid").bind("uuid", uuid)
                .execute() == 1);
    }

    @Override
    public long generation() {
        return handle.createQuery(GENERATION)
                .mapTo(Long.class)
                .one();
    }

    private boolean changedIf(boolean written) {
        if (written) {
            changed();
        }
        return written;
    }

    /** Counted in the writer's transaction: committed with the row, or rolled back with it. */
    private void changed() {
        onWrite.run();
        handle.createUpdate("UPDATE change_generations SET generation = generation + 1 WHERE name = 'cluster_templates'")
                .execute();
    }

    @Override
    public boolean isReferenced(String uuid) {
        return handle.createQuery("SELECT COUNT(*) FROM clusters WHERE cluster_template_id = :uuid")
                .bind("uuid", uuid)
                .mapTo(Long.class)
                .one() > 0;
    }

    /**
     * A project sees its own templates, and with {@code includePublic} the public ones of others; hidden
     * templates of other projects only with {@code includeHidden}. No project means every project, where
     * {@code includeHidden} alone decides about hidden templates.
     */
    private static Conditions visibleIn(Scope scope) {
        Conditions where = new Conditions();
        String project = scope.projectId();
        if (project != null) {
            where.add(scope.includePublic() ? "(t.project_id = :project OR t.public = TRUE)" : "t.project_id = :project",
                    "project", project);
        }
        if (!scope.includeHidden()) {
            where.add(project != null ? "(t.hidden = FALSE OR t.project_id = :project)" : "t.hidden = FALSE");
        }
        return where;
    }
}
