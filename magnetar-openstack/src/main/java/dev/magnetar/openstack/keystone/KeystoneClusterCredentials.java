package dev.magnetar.openstack.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.openstack.http.ServiceResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Per-cluster credentials as a Keystone user of their own: {@code cluster-<uuid>} in a domain kept
 * for Magnetar, with the configured roles in the cluster's project. The conductor authenticates
 * to Heat as that user long after the requesting user's token has expired, and the cluster's nodes
 * get the same identity for Cinder. Deleting the user revokes everything at once: its role
 * assignments, its tokens and the trusts Heat made from them.
 *
 * <p>The password is derived from the service-wide key and the cluster's uuid (HMAC-SHA256), so it
 * is never stored, any conductor replica can recompute it, and establishing twice yields the same
 * credential. Why a user and not an application credential or a trust is in docs/openstack.md.
 *
 * <p>Failures are classified as Heat's are ({@code HeatSessions}): Keystone giving no answer (time-out,
 * refused connection, 5xx) is {@link OrchestratorException.Kind#TRANSIENT}, so the conductor retries
 * the operation with backoff instead of failing the cluster; Keystone refusing a step (4xx), or a
 * missing domain or role, is {@link OrchestratorException.Kind#REJECTED} with the reason. A retry
 * after a partial success finds the user, grant and key pair already made and makes nothing twice.
 */
public final class KeystoneClusterCredentials implements ClusterCredentials {

    private final KeystoneClient keystone;
    private final ClusterUserSettings settings;
    private final Cache<String, String> userIds = Caffeine.newBuilder().maximumSize(10_000).build();
    private final ClusterKeypairs keypairs;
    private volatile String domainId;

    public KeystoneClusterCredentials(KeystoneClient keystone, ClusterUserSettings settings) {
        this.keystone = keystone;
        this.settings = settings;
        this.keypairs = new ClusterKeypairs(keystone);
    }

    /** The Keystone user name of a cluster's credential. */
    public static String userName(Cluster cluster) {
        return "cluster-" + cluster.uuid();
    }

    @Override
    public StackCredential establish(Cluster cluster) {
        return classified(cluster, "set up", () -> establishNow(cluster));
    }

    private StackCredential establishNow(Cluster cluster) {
        String password = password(cluster);
        String userId = findUser(cluster).orElseGet(() -> createUser(cluster, password));
        for (String role : settings.roles()) {
            expect(keystone.callAsService("PUT", "/projects/" + cluster.projectId() + "/users/" + userId
                    + "/roles/" + roleId(role), null), "grant role " + role + " to " + userName(cluster));
        }
        keypairs.copyToClusterUser(cluster, userId);
        return new StackCredential(cluster.projectId(), userId, password);
    }

    /** The cluster's credential; re-established if its user is missing, so a live cluster always has one. */
    @Override
    public StackCredential of(Cluster cluster) {
        return classified(cluster, "looked up", () -> findUser(cluster)
                .map(id -> new StackCredential(cluster.projectId(), id, password(cluster)))
                .orElseGet(() -> establishNow(cluster)));
    }

    @Override
    public void revoke(Cluster cluster) {
        classified(cluster, "deleted", () -> {
            revokeNow(cluster);
            return null;
        });
    }

    /** Runs a step against Keystone, turning "Keystone cannot answer now" into a transient orchestrator error. */
    private static <T> T classified(Cluster cluster, String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (KeystoneUnavailableException e) {
            throw new OrchestratorException(OrchestratorException.Kind.TRANSIENT, "Keystone is unavailable, so the user of"
                    + " cluster " + cluster.uuid() + " cannot be " + what + " now: " + e.getMessage(), e);
        }
    }

    private void revokeNow(Cluster cluster) {
        Optional<String> userId = findUser(cluster);
        if (userId.isPresent()) {
            keypairs.deleteFromClusterUser(cluster, userId.get());
            ServiceResponse response = keystone.callAsService("DELETE", "/users/" + userId.get(), null);
            if (response.status() != 404) {
                expect(response, "delete user " + userName(cluster));
            }
        }
        userIds.invalidate(cluster.uuid());
    }

    private Optional<String> findUser(Cluster cluster) {
        String cached = userIds.getIfPresent(cluster.uuid());
        if (cached != null) {
            return Optional.of(cached);
        }
        JsonNode users = expect(keystone.callAsService("GET", "/users?domain_id=" + domainId() + "&name="
                + encode(userName(cluster)), null), "look up user " + userName(cluster)).path("users");
        if (users.isEmpty()) {
            return Optional.empty();
        }
        String id = users.get(0).path("id").asText();
        userIds.put(cluster.uuid(), id);
        return Optional.of(id);
    }

    private String createUser(Cluster cluster, String password) {
        ServiceResponse response = keystone.callAsService("POST", "/users", Map.of("user", Map.of(
                "name", userName(cluster), "domain_id", domainId(), "password", password, "enabled", true,
                "description", "Magnetar cluster " + cluster.uuid() + " of project " + cluster.projectId())));
        if (response.status() == 409) { // another replica made it a moment ago
            return findUser(cluster).orElseThrow(() -> new KeystoneUnavailableException(
                    "Keystone reported user " + userName(cluster) + " as existing but does not list it", null));
        }
        String id = expect(response, "create user " + userName(cluster)).path("user").path("id").asText();
        userIds.put(cluster.uuid(), id);
        return id;
    }

    private String domainId() {
        if (domainId == null) {
            JsonNode domains = expect(keystone.callAsService("GET", "/domains?name=" + encode(settings.domainName()),
                    null), "look up domain " + settings.domainName()).path("domains");
            if (domains.isEmpty()) {
                throw new OrchestratorException(OrchestratorException.Kind.REJECTED, "Domain "
                        + settings.domainName() + " for cluster users does not exist in Keystone; create it"
                        + " (see docs/openstack.md)");
            }
            domainId = domains.get(0).path("id").asText();
        }
        return domainId;
    }

    private String roleId(String role) {
        JsonNode roles = expect(keystone.callAsService("GET", "/roles?name=" + encode(role), null),
                "look up role " + role).path("roles");
        if (roles.isEmpty()) {
            throw new OrchestratorException(OrchestratorException.Kind.REJECTED,
                    "Role " + role + " for cluster users does not exist in Keystone");
        }
        return roles.get(0).path("id").asText();
    }

    String password(Cluster cluster) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.derivationKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("magnetar-cluster-user:" + cluster.uuid()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * The body of a successful answer. A 5xx (the HTTP client's retries already spent) means Keystone
     * cannot answer now; any other refusal is Keystone's verdict on this step, which a retry would
     * not change.
     */
    private static JsonNode expect(ServiceResponse response, String what) {
        if (!response.isSuccess() && response.status() >= 400 && response.status() < 500) {
            throw new OrchestratorException(OrchestratorException.Kind.REJECTED, "Keystone refused to " + what
                    + ": HTTP " + response.status() + " " + response.errorMessage());
        }
        if (!response.isSuccess()) {
            throw new KeystoneUnavailableException("Keystone did not " + what + ": HTTP " + response.status() + " "
                    + response.errorMessage(), null);
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
