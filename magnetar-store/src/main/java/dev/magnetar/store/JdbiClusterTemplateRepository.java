package dev.magnetar.store;

import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Scope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;

/** Cluster templates in {@code cluster_templates}; baymodels are the same rows. Updates are optimistic on {@code version}. */
final class JdbiClusterTemplateRepository implements ClusterTemplateRepository {

    static final Columns COLUMNS = new Columns("cluster_templates", List.of("uuid", "name", "project_id",
            "user_id", "coe", "image_id", "keypair_id", "flavor_id", "master_flavor_id", "external_network_id",
            "fixed_network", "fixed_subnet", "dns_nameserver", "network_driver", "volume_driver", "apiserver_port",
            "docker_volume_size", "docker_storage_driver", "cluster_distro", "http_proxy", "https_proxy",
            "no_proxy", "registry_enabled", "labels", "tls_disabled", "public", "server_type", "insecure_registry",
            "master_lb_enabled", "floating_ip_enabled", "hidden", "tags", "created_at", "updated_at", "version"));

    private static final RowMapper<ClusterTemplate> MAPPER = (row, ctx) -> ClusterTemplate.builder()
            .uuid(row.getString("uuid"))
            .name(row.getString("name"))
            .projectId(row.getString("project_id"))
            .userId(row.getString("user_id"))
            .coe(row.getString("coe"))
            .imageId(row.getString("image_id"))
            .keypairId(row.getString("keypair_id"))
            .flavorId(row.getString("flavor_id"))
            .masterFlavorId(row.getString("master_flavor_id"))
            .externalNetworkId(row.getString("external_network_id"))
            .fixedNetwork(row.getString("fixed_network"))
            .fixedSubnet(row.getString("fixed_subnet"))
            .dnsNameserver(row.getString("dns_nameserver"))
            .networkDriver(row.getString("network_driver"))
            .volumeDriver(row.getString("volume_driver"))
            .apiserverPort(row.getObject("apiserver_port", Integer.class))
            .dockerVolumeSize(row.getObject("docker_volume_size", Integer.class))
            .dockerStorageDriver(row.getString("docker_storage_driver"))
            .clusterDistro(row.getString("cluster_distro"))
            .httpProxy(row.getString("http_proxy"))
            .httpsProxy(row.getString("https_proxy"))
            .noProxy(row.getString("no_proxy"))
            .registryEnabled(row.getBoolean("registry_enabled"))
            .labels(JsonColumns.readMap(row.getString("labels")))
            .tlsDisabled(row.getBoolean("tls_disabled"))
            .isPublic(row.getBoolean("public"))
            .serverType(row.getString("server_type"))
            .insecureRegistry(row.getString("insecure_registry"))
            .masterLbEnabled(row.getBoolean("master_lb_enabled"))
            .floatingIpEnabled(row.getBoolean("floating_ip_enabled"))
            .hidden(row.getBoolean("hidden"))
            .tags(row.getString("tags"))
            .createdAt(Instants.read(row, "created_at"))
            .updatedAt(Instants.read(row, "updated_at"))
            .version(row.getLong("version"))
            .build();

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
        uniqueKeys.orConflict(() -> bind(handle.createUpdate(COLUMNS.insert()), template)
                        .bind("version", template.version())
                        .execute(),
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
        return changedIf(bind(handle.createUpdate("UPDATE cluster_templates SET "
                        + COLUMNS.assignmentsExcept("uuid", "version")
                        + ", version = version + 1 WHERE uuid = :uuid AND version = :version"), template)
                .bind("version", template.version())
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

    /** Binds every column but {@code version}, whose meaning differs between insert and update. */
    private static <S extends SqlStatement<S>> S bind(S statement, ClusterTemplate t) {
        return statement
                .bind("uuid", t.uuid())
                .bind("name", t.name())
                .bind("project_id", t.projectId())
                .bind("user_id", t.userId())
                .bind("coe", t.coe())
                .bind("image_id", t.imageId())
                .bind("keypair_id", t.keypairId())
                .bind("flavor_id", t.flavorId())
                .bind("master_flavor_id", t.masterFlavorId())
                .bind("external_network_id", t.externalNetworkId())
                .bind("fixed_network", t.fixedNetwork())
                .bind("fixed_subnet", t.fixedSubnet())
                .bind("dns_nameserver", t.dnsNameserver())
                .bind("network_driver", t.networkDriver())
                .bind("volume_driver", t.volumeDriver())
                .bind("apiserver_port", t.apiserverPort())
                .bind("docker_volume_size", t.dockerVolumeSize())
                .bind("docker_storage_driver", t.dockerStorageDriver())
                .bind("cluster_distro", t.clusterDistro())
                .bind("http_proxy", t.httpProxy())
                .bind("https_proxy", t.httpsProxy())
                .bind("no_proxy", t.noProxy())
                .bind("registry_enabled", t.registryEnabled())
                .bind("labels", JsonColumns.write(t.labels()))
                .bind("tls_disabled", t.tlsDisabled())
                .bind("public", t.isPublic())
                .bind("server_type", t.serverType())
                .bind("insecure_registry", t.insecureRegistry())
                .bind("master_lb_enabled", t.masterLbEnabled())
                .bind("floating_ip_enabled", t.floatingIpEnabled())
                .bind("hidden", t.hidden())
                .bind("tags", t.tags())
                .bind("created_at", Instants.argument(t.createdAt()))
                .bind("updated_at", Instants.argument(t.updatedAt()));
    }
}
