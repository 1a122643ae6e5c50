package dev.magnetar.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster (legacy name: bay): who owns it, what was asked of it ({@link ClusterSpec}) and what was
 * observed of it ({@link ClusterObserved}). Commands change the spec; the reconcile loop and the monitor
 * change the observed part; neither writes the other's.
 *
 * @param version optimistic-lock counter; every stored change increments it
 */
public record Cluster(
        String uuid,
        String name,
        String projectId,
        String userId,
        ClusterSpec spec,
        ClusterObserved observed,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Cluster {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(observed, "observed");
    }

    /** The observed status; short for {@code observed().status()}, which almost every caller reads. */
    public ClusterStatus status() {
        return observed.status();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds clusters field by field; starts from Magnum's create defaults. The spec's and the observed
     * part's setters are repeated here so that a cluster reads as one value where it is built; a field
     * added to either record is set through {@link #spec(ClusterSpec)} or {@link #observed(ClusterObserved)}
     * without a line here.
     */
    public static final class Builder {
        private String uuid, name, projectId, userId;
        private ClusterSpecBuilder spec;
        private ClusterObservedBuilder observed;
        private Instant createdAt, updatedAt;
        private long version;

        private Builder() {
            spec = ClusterSpec.builder();
            observed = ClusterObserved.builder();
        }

        private Builder(Cluster c) {
            uuid = c.uuid; name = c.name; projectId = c.projectId; userId = c.userId;
            spec = c.spec.toBuilder();
            observed = c.observed.toBuilder();
            createdAt = c.createdAt; updatedAt = c.updatedAt; version = c.version;
        }

        public Builder uuid(String v) { uuid = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder projectId(String v) { projectId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder spec(ClusterSpec v) { spec = v.toBuilder(); return this; }
        public Builder observed(ClusterObserved v) { observed = v.toBuilder(); return this; }

        public Builder clusterTemplateId(String v) { spec.clusterTemplateId(v); return this; }
        public Builder keypair(String v) { spec.keypair(v); return this; }
        public Builder nodeCount(int v) { spec.nodeCount(v); return this; }
        public Builder masterCount(int v) { spec.masterCount(v); return this; }
        public Builder dockerVolumeSize(Integer v) { spec.dockerVolumeSize(v); return this; }
        public Builder createTimeout(int v) { spec.createTimeout(v); return this; }
        public Builder discoveryUrl(String v) { spec.discoveryUrl(v); return this; }
        public Builder labels(Map<String, String> v) { spec.labels(v); return this; }
        public Builder mergeLabels(boolean v) { spec.mergeLabels(v); return this; }
        public Builder masterFlavorId(String v) { spec.masterFlavorId(v); return this; }
        public Builder flavorId(String v) { spec.flavorId(v); return this; }
        public Builder fixedNetwork(String v) { spec.fixedNetwork(v); return this; }
        public Builder fixedSubnet(String v) { spec.fixedSubnet(v); return this; }
        public Builder floatingIpEnabled(Boolean v) { spec.floatingIpEnabled(v); return this; }
        public Builder masterLbEnabled(Boolean v) { spec.masterLbEnabled(v); return this; }
        public Builder nodeGroups(List<NodeGroup> v) { spec.nodeGroups(v); return this; }

        public Builder status(ClusterStatus v) { observed.status(v); return this; }
        public Builder statusReason(String v) { observed.statusReason(v); return this; }
        public Builder stackId(String v) { observed.stackId(v); return this; }
        public Builder apiAddress(String v) { observed.apiAddress(v); return this; }
        public Builder masterAddresses(List<String> v) { observed.masterAddresses(v); return this; }
        public Builder nodeAddresses(List<String> v) { observed.nodeAddresses(v); return this; }
        public Builder faults(Map<String, String> v) { observed.faults(v); return this; }
        public Builder healthStatus(HealthStatus v) { observed.healthStatus(v); return this; }
        public Builder healthStatusReason(Map<String, String> v) { observed.healthStatusReason(v); return this; }
        public Builder coeVersion(String v) { observed.coeVersion(v); return this; }
        public Builder containerVersion(String v) { observed.containerVersion(v); return this; }
        public Builder nodeGroupStates(Map<String, NodeGroupState> v) { observed.nodeGroupStates(v); return this; }

        public Cluster build() {
            return new Cluster(uuid, name, projectId, userId, spec.build(), observed.build(), createdAt, updatedAt,
                    version);
        }
    }
}
