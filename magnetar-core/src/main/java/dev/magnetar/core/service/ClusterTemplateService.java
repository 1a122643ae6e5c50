package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.Scope;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Cluster templates and baymodels: Magnum's create checks in Magnum's order (COE, drivers, storage,
 * driver support, cloud resources, labels, publish right, name), updates under the in-use rules,
 * and deletes of unreferenced templates.
 */
public final class ClusterTemplateService {

    private final Database database;
    private final DriverRegistry drivers;
    private final CloudResources cloud;
    private final NameGenerator names;
    private final Clock clock;

    public ClusterTemplateService(Database database, DriverRegistry drivers, CloudResources cloud,
                                  NameGenerator names, Clock clock) {
        this.database = database;
        this.drivers = drivers;
        this.cloud = cloud;
        this.names = names;
        this.clock = clock;
    }

    /**
     * Validates and stores a new template. {@code requested} carries what the caller sent (the API
     * has already checked types and mandatory fields); {@code nameSuffix} is {@code template} or
     * {@code model} for generated names.
     */
    public ClusterTemplate create(RequestContext context, ClusterTemplate requested, String nameSuffix) {
        Policy.requireWriter(context, "clustertemplate:create");
        // Magnum checks the publish right before it validates anything (magnum-tempest-plugin's
        // test_create_get_public_* expect 403 for a template no driver would accept).
        if (requested.isPublic() || requested.hidden()) {
            Policy.requirePublishRight(context);
        }
        ClusterTemplate checked = validated(new CloudLookups(cloud, context), requested.toBuilder()
                .projectId(context.projectId())
                .userId(context.userId())
                .build());
        ClusterTemplate stored = checked.toBuilder()
                .name(checked.name() == null ? names.generate(nameSuffix) : checked.name())
                .createdAt(clock.instant())
                .updatedAt(null)
                .build();
        return database.transaction(repos -> {
            if (repos.templates().findByUuid(stored.uuid()).isPresent()) {
                throw MagnetarException.conflict("A ClusterTemplate with UUID " + stored.uuid() + " already exists.");
            }
            repos.templates().insert(stored);
            return stored;
        });
    }

    public ClusterTemplate get(RequestContext context, String ident) {
        return database.transaction(repos -> find(repos.templates(), Policy.scopeFor(context), ident));
    }

    /**
     * The templates' generation: changed by every template write on any replica (see
     * {@link ClusterTemplateRepository#generation()}), for whoever keeps what it rendered from them.
     */
    public long generation() {
        return database.templateGeneration();
    }

    public List<ClusterTemplate> list(RequestContext context, PageRequest page) {
        Scope scope = Policy.scopeFor(context);
        return database.transaction(repos -> {
            if (page.marker() != null) {
                find(repos.templates(), scope, page.marker());
            }
            return repos.templates().list(scope, page);
        });
    }

    /**
     * Applies the caller's change ({@code patch}: the API applies the caller's JSON patch) to the
     * template and stores the result. Only the owner's project or an admin may; a template in use by
     * clusters may only be renamed, published, hidden or re-tagged.
     *
     * <p>The first attempt is optimistic: the cloud look-ups of the validation happen outside any
     * transaction (no database connection waits on Glance or Nova), and the write names the version
     * the patch was applied to. When another request stored a change in between, that write changes
     * nothing, and the patch is applied again to the template as it is now, this time with the row
     * locked from the read to the write, so the second attempt cannot lose another race. Its
     * validation reuses this request's cloud answers; should the template now name a resource not
     * yet looked up (a concurrent change of the image, say), the look-up is made outside the
     * transaction and the attempt repeated. Concurrent patches of different fields therefore all
     * land; a 409 in Magnum's envelope is left for {@link OptimisticRetry#ATTEMPTS} attempts in a row
     * that could not complete.
     */
    public ClusterTemplate update(RequestContext context, String ident,
                                  UnaryOperator<ClusterTemplate> patch) {
        ClusterTemplate first = database.transaction(repos -> find(repos.templates(), Policy.scopeFor(context), ident));
        CloudLookups lookups = new CloudLookups(cloud, context);
        return OptimisticRetry.run(() -> "ClusterTemplate " + first.uuid()
                        + " was changed by another request; retry with its current state.",
                attempt -> attempt == 1
                        ? updateOptimistically(context, first, patch, lookups)
                        : updateLocked(context, first.uuid(), ident, patch, lookups));
    }

    /** Validates the patched template outside any transaction and writes it if the version is unchanged. */
    private Optional<ClusterTemplate> updateOptimistically(RequestContext context, ClusterTemplate current,
                                                           UnaryOperator<ClusterTemplate> patch,
                                                           CloudLookups lookups) {
        Patch applied = Patch.authorized(context, current, patch);
        ClusterTemplate patched = applied.template();
        Set<String> changed = applied.changed();
        if (changed.isEmpty()) {
            return Optional.of(current);
        }
        // Refuse before the cloud look-ups; the write checks again.
        database.transact(repos -> refuseIfInUse(repos.templates(), current, changed, patched));
        ClusterTemplate stored = validated(lookups, patched).toBuilder()
                .updatedAt(clock.instant())
                .version(current.version())
                .build();
        return database.transaction(repos -> {
            refuseIfInUse(repos.templates(), current, changed, patched);
            return repos.templates().update(stored)
                    ? Optional.of(stored.toBuilder().version(current.version() + 1).build())
                    : Optional.<ClusterTemplate>empty();
        });
    }

    /**
     * Reads the template with its row locked, applies the patch and writes it in one transaction;
     * empty (after looking them up, outside the transaction) when the result names cloud resources
     * this request has not looked up yet.
     */
    private Optional<ClusterTemplate> updateLocked(RequestContext context, String uuid, String ident,
                                                   UnaryOperator<ClusterTemplate> patch, CloudLookups lookups) {
        List<ClusterTemplate> unanswered = new ArrayList<>(1);
        Optional<ClusterTemplate> written = database.transaction(repos -> {
            ClusterTemplate current = repos.templates().lockByUuid(uuid).orElseThrow(() -> notFound(ident));
            Patch applied = Patch.authorized(context, current, patch);
            ClusterTemplate patched = applied.template();
            Set<String> changed = applied.changed();
            if (changed.isEmpty()) {
                return Optional.of(current);
            }
            if (!lookups.answered(patched)) {
                unanswered.add(patched);
                return Optional.empty();
            }
            ClusterTemplate stored = validated(lookups, patched).toBuilder()
                    .updatedAt(clock.instant())
                    .version(current.version())
                    .build();
            refuseIfInUse(repos.templates(), current, changed, patched);
            if (!repos.templates().update(stored)) {
                throw new IllegalStateException("ClusterTemplate " + uuid + " changed while its row was locked");
            }
            return Optional.of(stored.toBuilder().version(current.version() + 1).build());
        });
        unanswered.forEach(patched -> validated(lookups, patched));
        return written;
    }

    /** A patch applied to a template by a caller allowed to make it, and the fields it changed. */
    private record Patch(ClusterTemplate template, Set<String> changed) {

        static Patch authorized(RequestContext context, ClusterTemplate current, UnaryOperator<ClusterTemplate> patch) {
            Policy.requireTemplateOwner(context, current, "clustertemplate:update");
            ClusterTemplate patched = patch.apply(current);
            Set<String> changed = changedFields(current, patched);
            if (changed.contains("public") || changed.contains("hidden")) {
                Policy.requirePublishRight(context);
            }
            return new Patch(patched, changed);
        }
    }

    /** A template in use by clusters may only be renamed, published, hidden or re-tagged. */
    private static void refuseIfInUse(ClusterTemplateRepository templates, ClusterTemplate current,
                                      Set<String> changed, ClusterTemplate patched) {
        if (templates.isReferenced(current.uuid()) && !changeAllowedWhileInUse(changed, patched)) {
            throw MagnetarException.invalid(
                    "ClusterTemplate " + current.uuid() + " is referenced by one or multiple clusters.");
        }
    }

    public void delete(RequestContext context, String ident) {
        database.transact(repos -> {
            ClusterTemplate current = find(repos.templates(), Policy.scopeFor(context), ident);
            Policy.requireTemplateOwner(context, current, "clustertemplate:delete");
            if (repos.templates().isReferenced(current.uuid())) {
                throw MagnetarException.invalid(
                        "ClusterTemplate " + current.uuid() + " is referenced by one or multiple clusters.");
            }
            repos.templates().delete(current.uuid());
        });
    }

    /** The driver serving a stored template; absent drivers (uninstalled since) are a 400. */
    public ClusterDriver driverFor(ClusterTemplate template) {
        DriverKey key = new DriverKey(template.serverType(), template.clusterDistro(), template.coe());
        return drivers.find(key).orElseThrow(() -> MagnetarException.invalid("Cluster type " + key + " not supported."));
    }

    /**
     * Which of a template's (and its clusters') labels are secret: its driver's answer, or, for a
     * template whose driver is no longer installed, any installed driver's.
     */
    public LabelSecrets labelSecrets(ClusterTemplate template) {
        DriverKey key = new DriverKey(template.serverType(), template.clusterDistro(), template.coe());
        return drivers.find(key).map(LabelSecrets::of).orElseGet(() -> LabelSecrets.ofAny(drivers.all()));
    }

    /** Which labels are secret under any installed driver, for clusters whose template is unknown. */
    public LabelSecrets anyLabelSecrets() {
        return LabelSecrets.ofAny(drivers.all());
    }

    /** Looks a visible template up by uuid or name; 404 when absent, 409 when the name is ambiguous. */
    static ClusterTemplate find(ClusterTemplateRepository templates, Scope scope, String ident) {
        if (Identifiers.looksLikeUuid(ident)) {
            return templates.findByUuid(Identifiers.canonicalUuid(ident))
                    .filter(t -> visible(scope, t))
                    .orElseThrow(() -> notFound(ident));
        }
        List<ClusterTemplate> named = templates.findByName(ident, scope);
        if (named.isEmpty()) {
            throw notFound(ident);
        }
        if (named.size() > 1) {
            throw MagnetarException.conflict(
                    "Multiple ClusterTemplates exist with same name. Please use the ClusterTemplate uuid instead.");
        }
        return named.get(0);
    }

    static boolean visible(Scope scope, ClusterTemplate template) {
        if (scope.projectId() == null || scope.projectId().equals(template.projectId())) {
            return true;
        }
        return scope.includePublic() && template.isPublic() && (scope.includeHidden() || !template.hidden());
    }

    static MagnetarException notFound(String ident) {
        return MagnetarException.notFound("ClusterTemplate " + ident + " could not be found.");
    }

    private ClusterTemplate validated(CloudLookups lookups, ClusterTemplate template) {
        List<ClusterDriver> coeDrivers = drivers.forCoe(template.coe());
        if (coeDrivers.isEmpty()) {
            throw MagnetarException.invalid("Requested COE type " + template.coe() + " is not supported.");
        }
        ClusterTemplate withDrivers = template.toBuilder()
                .networkDriver(checkedNetworkDriver(template, coeDrivers))
                .build();
        checkVolumeDriver(withDrivers, coeDrivers);
        checkDockerVolumeSize(withDrivers.dockerStorageDriver(), withDrivers.dockerVolumeSize());
        String osDistro = lookups.osDistroOf(withDrivers.imageId());
        ClusterTemplate withDistro = withDrivers.toBuilder().clusterDistro(osDistro).build();
        ClusterDriver driver = driverFor(withDistro);
        lookups.requireFlavor(withDistro.flavorId());
        lookups.requireFlavor(withDistro.masterFlavorId());
        lookups.requireExternalNetwork(withDistro.externalNetworkId());
        LabelSecrets.of(driver).refuseMasks(withDistro.labels(), "template");
        driver.validateTemplate(withDistro);
        return withDistro;
    }

    private static String checkedNetworkDriver(ClusterTemplate template, List<ClusterDriver> coeDrivers) {
        Set<String> allowed = new TreeSet<>();
        coeDrivers.forEach(d -> allowed.addAll(d.policy().networkDrivers()));
        if (template.networkDriver() == null) {
            return coeDrivers.get(0).policy().defaultNetworkDriver();
        }
        if (!allowed.contains(template.networkDriver())) {
            throw MagnetarException.invalid("Network driver type " + template.networkDriver()
                    + " is not supported, expecting a " + String.join("/", allowed) + "/unspecified network driver.");
        }
        return template.networkDriver();
    }

    private static void checkVolumeDriver(ClusterTemplate template, List<ClusterDriver> coeDrivers) {
        if (template.volumeDriver() == null) {
            return;
        }
        Set<String> allowed = new TreeSet<>();
        coeDrivers.stream().map(ClusterDriver::policy).map(DriverPolicy::volumeDrivers).forEach(allowed::addAll);
        if (!allowed.contains(template.volumeDriver())) {
            throw MagnetarException.invalid("Volume driver type " + template.volumeDriver()
                    + " is not supported, expecting a " + String.join("/", allowed) + " volume driver.");
        }
    }

    /** devicemapper needs at least 3 GB of Docker volume (Magnum's rule). */
    static void checkDockerVolumeSize(String storageDriver, Integer size) {
        if ("devicemapper".equals(storageDriver) && size != null && size < 3) {
            throw MagnetarException.invalid("docker volume size " + size
                    + " GB is not valid, expecting minimum value 3GB for devicemapper storage driver.");
        }
    }

    private static boolean changeAllowedWhileInUse(Set<String> changed, ClusterTemplate patched) {
        if (changed.size() != 1) {
            return false;
        }
        String field = changed.iterator().next();
        return switch (field) {
            case "name", "hidden" -> true;
            case "public" -> patched.isPublic();
            case "tags" -> patched.tags() != null;
            default -> false;
        };
    }

    /** A template's API field names; {@code public} is a Java keyword, so the record says {@code isPublic}. */
    private static final Map<String, String> API_NAMES = Map.of("isPublic", "public");

    /** Neither the owner, the timestamps nor the lock counter is a field a patch changes. */
    private static final Set<String> NOT_COMPARED = Set.of("uuid", "projectId", "userId", "createdAt", "updatedAt",
            "version");

    /** Names (API field names) of the fields that differ; timestamps and owner are not compared. */
    static Set<String> changedFields(ClusterTemplate a, ClusterTemplate b) {
        return ChangedFields.between(ChangedFields.of(a, API_NAMES, NOT_COMPARED),
                ChangedFields.of(b, API_NAMES, NOT_COMPARED));
    }
}
