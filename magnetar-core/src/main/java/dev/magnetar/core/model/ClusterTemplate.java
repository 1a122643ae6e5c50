package dev.magnetar.core.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster template (legacy name: baymodel): the shape a project asks clusters to take.
 * Field names follow Magnum's API (section 4.4 of the reference); nullable fields are unset.
 * {@code version} is not one of Magnum's fields: it is the optimistic-lock counter that every stored
 * change increments, so that an update computed from a stale read is refused.
 */
@RecordBuilder
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

    /** A builder starting from Magnum's create defaults: server type {@code vm}, floating IPs on. */
    public static ClusterTemplateBuilder builder() {
        return ClusterTemplateBuilder.builder().serverType("vm").floatingIpEnabled(true);
    }

    public ClusterTemplateBuilder toBuilder() {
        return ClusterTemplateBuilder.builder(this);
    }
}
