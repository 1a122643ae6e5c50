package dev.magnetar.core.port;

import dev.magnetar.core.model.ClusterTemplate;

import java.util.List;
import java.util.Optional;

/** Cluster templates (baymodels share the table). */
public interface ClusterTemplateRepository {

    /** Sortable fields: the column names, which are Magnum's field names. */
    java.util.Set<String> SORT_KEYS = java.util.Set.of("id", "uuid", "name", "coe", "image_id", "created_at",
            "updated_at", "server_type", "project_id", "public", "hidden");

    void insert(ClusterTemplate template);

    Optional<ClusterTemplate> findByUuid(String uuid);

    /**
     * Like {@link #findByUuid}, and locks the template's row until the transaction ends: a concurrent
     * update of it waits, so the caller's {@link #update} of what it read here cannot lose a race.
     */
    Optional<ClusterTemplate> lockByUuid(String uuid);

    /** Every template visible in {@code scope} with exactly this name (names are not unique). */
    List<ClusterTemplate> findByName(String name, Scope scope);

    /** A page of templates visible in {@code scope}; an unknown marker is the caller's 404, checked before. */
    List<ClusterTemplate> list(Scope scope, PageRequest page);

    /**
     * Stores every field of {@code template} (matched by uuid) if its {@code version} is still the
     * stored one, and increments the stored version. Returns false (and changes nothing) when the
     * template no longer exists or someone else updated it first.
     */
    boolean update(ClusterTemplate template);

    boolean delete(String uuid);

    /**
     * A number that every insert, update and delete of a template changes, in the same transaction
     * and on every replica: equal readings mean no template was written in between.
     */
    long generation();

    /** True when any cluster row refers to the template. */
    boolean isReferenced(String uuid);
}
