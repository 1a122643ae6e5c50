package dev.magnetar.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster template (legacy name: baymodel): the shape a project asks clusters to take.
 * Field names follow Magnum's API (section 4.4 of the reference); nullable fields are unset.
 * {@code version} is not one of Magnum's fields: it is the optimistic-lock counter that every stored
 * change increments, so that an update computed from a stale read is refused.
 */
public record ClusterTemplate(
        String uuid,
        String name,
        String projectId,
        String userId,
        String coe,
        String imageId,
        String keypairId,
        String flavorId,
        String masterFlavorId,
        String externalNetworkId,
        String fixedNetwork,
        String fixedSubnet,
        String dnsNameserver,
        String networkDriver,
        String volumeDriver,
        Integer apiserverPort,
        Integer dockerVolumeSize,
        String dockerStorageDriver,
        String clusterDistro,
        String httpProxy,
        String httpsProxy,
        String noProxy,
        boolean registryEnabled,
        Map<String, String> labels,
        boolean tlsDisabled,
        boolean isPublic,
        String serverType,
        String insecureRegistry,
        boolean masterLbEnabled,
        boolean floatingIpEnabled,
        boolean hidden,
        String tags,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public ClusterTemplate {
        Objects.requireNonNull(uuid, "uuid");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds templates field by field; starts from Magnum's create defaults. */
    public static final class Builder {
        private String uuid, name, projectId, userId, coe, imageId, keypairId, flavorId, masterFlavorId,
                externalNetworkId, fixedNetwork, fixedSubnet, dnsNameserver, networkDriver, volumeDriver,
                dockerStorageDriver, clusterDistro, httpProxy, httpsProxy, noProxy, insecureRegistry, tags;
        private String serverType = "vm";
        private Integer apiserverPort, dockerVolumeSize;
        private Map<String, String> labels = Map.of();
        private boolean registryEnabled, tlsDisabled, isPublic, masterLbEnabled, hidden;
        private boolean floatingIpEnabled = true;
        private Instant createdAt, updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(ClusterTemplate t) {
            uuid = t.uuid; name = t.name; projectId = t.projectId; userId = t.userId; coe = t.coe;
            imageId = t.imageId; keypairId = t.keypairId; flavorId = t.flavorId; masterFlavorId = t.masterFlavorId;
            externalNetworkId = t.externalNetworkId; fixedNetwork = t.fixedNetwork; fixedSubnet = t.fixedSubnet;
            dnsNameserver = t.dnsNameserver; networkDriver = t.networkDriver; volumeDriver = t.volumeDriver;
            apiserverPort = t.apiserverPort; dockerVolumeSize = t.dockerVolumeSize;
            dockerStorageDriver = t.dockerStorageDriver; clusterDistro = t.clusterDistro; httpProxy = t.httpProxy;
            httpsProxy = t.httpsProxy; noProxy = t.noProxy; registryEnabled = t.registryEnabled; labels = t.labels;
            tlsDisabled = t.tlsDisabled; isPublic = t.isPublic; serverType = t.serverType;
            insecureRegistry = t.insecureRegistry; masterLbEnabled = t.masterLbEnabled;
            floatingIpEnabled = t.floatingIpEnabled; hidden = t.hidden; tags = t.tags;
            createdAt = t.createdAt; updatedAt = t.updatedAt; version = t.version;
        }

        public Builder uuid(String v) { uuid = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder projectId(String v) { projectId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder coe(String v) { coe = v; return this; }
        public Builder imageId(String v) { imageId = v; return this; }
        public Builder keypairId(String v) { keypairId = v; return this; }
        public Builder flavorId(String v) { flavorId = v; return this; }
        public Builder masterFlavorId(String v) { masterFlavorId = v; return this; }
        public Builder externalNetworkId(String v) { externalNetworkId = v; return this; }
        public Builder fixedNetwork(String v) { fixedNetwork = v; return this; }
        public Builder fixedSubnet(String v) { fixedSubnet = v; return this; }
        public Builder dnsNameserver(String v) { dnsNameserver = v; return this; }
        public Builder networkDriver(String v) { networkDriver = v; return this; }
        public Builder volumeDriver(String v) { volumeDriver = v; return this; }
        public Builder apiserverPort(Integer v) { apiserverPort = v; return this; }
        public Builder dockerVolumeSize(Integer v) { dockerVolumeSize = v; return this; }
        public Builder dockerStorageDriver(String v) { dockerStorageDriver = v; return this; }
        public Builder clusterDistro(String v) { clusterDistro = v; return this; }
        public Builder httpProxy(String v) { httpProxy = v; return this; }
        public Builder httpsProxy(String v) { httpsProxy = v; return this; }
        public Builder noProxy(String v) { noProxy = v; return this; }
        public Builder registryEnabled(boolean v) { registryEnabled = v; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder tlsDisabled(boolean v) { tlsDisabled = v; return this; }
        public Builder isPublic(boolean v) { isPublic = v; return this; }
        public Builder serverType(String v) { serverType = v; return this; }
        public Builder insecureRegistry(String v) { insecureRegistry = v; return this; }
        public Builder masterLbEnabled(boolean v) { masterLbEnabled = v; return this; }
        public Builder floatingIpEnabled(boolean v) { floatingIpEnabled = v; return this; }
        public Builder hidden(boolean v) { hidden = v; return this; }
        public Builder tags(String v) { tags = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public ClusterTemplate build() {
            return new ClusterTemplate(uuid, name, projectId, userId, coe, imageId, keypairId, flavorId,
                    masterFlavorId, externalNetworkId, fixedNetwork, fixedSubnet, dnsNameserver, networkDriver,
                    volumeDriver, apiserverPort, dockerVolumeSize, dockerStorageDriver, clusterDistro, httpProxy,
                    httpsProxy, noProxy, registryEnabled, labels, tlsDisabled, isPublic, serverType,
                    insecureRegistry, masterLbEnabled, floatingIpEnabled, hidden, tags, createdAt, updatedAt, version);
        }
    }
}
