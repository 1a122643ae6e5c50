package dev.magnetar.server.api.views;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.magnetar.core.model.ClusterObserved;
import dev.magnetar.core.model.ClusterSpec;
import dev.magnetar.core.model.ClusterTemplate;

import java.time.Instant;

/**
 * Magnum's field names for the core records, as Jackson mix-ins so that core stays free of Jackson: every
 * component is written under its snake_case name, so a new field of a template or of a cluster's spec or
 * observed part appears in the views without a line here. Timestamps are written by the views in Magnum's
 * format; the lock counter is not Magnum's and is never written.
 */
public final class WireNames {

    private WireNames() {
    }

    public static ObjectMapper register(ObjectMapper mapper) {
        return mapper.addMixIn(ClusterTemplate.class, TemplateFields.class)
                .addMixIn(ClusterSpec.class, SpecFields.class)
                .addMixIn(ClusterObserved.class, ObservedFields.class);
    }

    /** The node groups are a resource of their own ({@code /v1/clusters/{c}/nodegroups}), not cluster fields. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private abstract static class SpecFields {
        @JsonIgnore
        abstract java.util.List<?> nodeGroups();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private abstract static class ObservedFields {
        @JsonIgnore
        abstract java.util.Map<?, ?> nodeGroupStates();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private abstract static class TemplateFields {
        @JsonProperty("public")
        abstract boolean isPublic();

        @JsonIgnore
        abstract Instant createdAt();

        @JsonIgnore
        abstract Instant updatedAt();

        @JsonIgnore
        abstract long version();
    }
}
