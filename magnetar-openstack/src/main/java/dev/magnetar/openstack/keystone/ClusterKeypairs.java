package dev.magnetar.openstack.keystone;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a cluster's Keystone user the creator's Nova key pair. Nova key pairs belong to a user, not
 * a project, so the pair the creator named is invisible to {@code cluster-<uuid>}, as whom Heat
 * builds the servers: Heat refuses the stack ("The Key (…) could not be found"). With the service
 * user's admin rights (compute API 2.10, {@code user_id}), the creator's public key is copied under
 * the same name to the cluster's user, and the copy is deleted with that user. Best effort: when
 * the catalogue has no Nova or the creator's pair cannot be read, nothing is copied and Heat's own
 * message names the key (docs/openstack.md, section 3).
 */
final class ClusterKeypairs {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterKeypairs.class);
    private static final Map<String, String> VERSION = Map.of("OpenStack-API-Version", "compute 2.10");

    private final KeystoneClient keystone;
    private final OpenStackHttp http = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(30));

    ClusterKeypairs(KeystoneClient keystone) {
        this.keystone = keystone;
    }

    /** Copies the cluster's key pair from its creator to {@code clusterUserId}, unless already there. */
    void copyToClusterUser(Cluster cluster, String clusterUserId) {
        String name = cluster.spec().keypair();
        Optional<URI> nova = keystone.endpoint("compute");
        if (name == null || name.isBlank() || cluster.userId() == null || nova.isEmpty()) {
            return;
        }
        if (send(nova.get(), "GET", keypair(name, clusterUserId), null).isSuccess()) {
            return;
        }
        ServiceResponse creators = send(nova.get(), "GET", keypair(name, cluster.userId()), null);
        String publicKey = creators.isSuccess() ? creators.body().path("keypair").path("public_key").asText("") : "";
        if (publicKey.isEmpty()) {
            LOG.warn("Cannot read key pair {} of user {} for cluster {} (HTTP {}); its servers may be refused",
                    name, cluster.userId(), cluster.uuid(), creators.status());
            return;
        }
        ServiceResponse created = send(nova.get(), "POST", "/os-keypairs", Map.of("keypair", Map.of(
                "name", name, "public_key", publicKey, "user_id", clusterUserId)));
        if (!created.isSuccess() && created.status() != 409) {
            LOG.warn("Cannot give key pair {} to the user of cluster {}: HTTP {} {}", name, cluster.uuid(),
                    created.status(), created.errorMessage());
        }
    }

    /** Deletes the cluster user's copy, if any. */
    void deleteFromClusterUser(Cluster cluster, String clusterUserId) {
        String name = cluster.spec().keypair();
        Optional<URI> nova = keystone.endpoint("compute");
        if (name == null || name.isBlank() || nova.isEmpty()) {
            return;
        }
        ServiceResponse deleted = send(nova.get(), "DELETE", keypair(name, clusterUserId), null);
        if (!deleted.isSuccess() && deleted.status() != 404) {
            LOG.warn("Cannot delete key pair {} of the user of cluster {}: HTTP {}", name, cluster.uuid(),
                    deleted.status());
        }
    }

    private static String keypair(String name, String userId) {
        return "/os-keypairs/" + encode(name) + "?user_id=" + encode(userId);
    }

    private ServiceResponse send(URI nova, String method, String path, Object body) {
        Map<String, String> headers = new HashMap<>(VERSION);
        headers.put("X-Auth-Token", keystone.serviceToken());
        return http.send(method, URI.create(nova + path), headers, body, RetryPolicy.DEFAULT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
