package dev.magnetar.openstack.heat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.openstack.keystone.AuthMethod;
import dev.magnetar.openstack.keystone.CredentialsRefusedException;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneUnavailableException;
import dev.magnetar.openstack.keystone.ServiceCatalog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Turns a cluster's {@link StackCredential} into a Heat session: a token issued for that credential
 * (kept until shortly before it expires) and the orchestration endpoint from that token's own
 * catalogue, where Keystone has already put the cluster's project id into Heat's URL. Without a
 * credential the service's own token and catalogue are used.
 */
final class HeatSessions {

    /** A token and the Heat endpoint it opens. {@code toString} hides the token. */
    record Session(String token, URI endpoint) {
        @Override
        public String toString() {
            return "Session[endpoint=" + endpoint + ", token=***]";
        }
    }

    private record CredentialKey(String projectId, String id, int secretHash) {
    }

    private static final Duration RENEW_MARGIN = Duration.ofMinutes(5);

    private final KeystoneClient keystone;
    private final HeatSettings settings;
    private final Clock clock;
    private final Cache<CredentialKey, IssuedToken> tokens = Caffeine.newBuilder().maximumSize(10_000).build();

    HeatSessions(KeystoneClient keystone, HeatSettings settings, Clock clock) {
        this.keystone = keystone;
        this.settings = settings;
        this.clock = clock;
    }

    Session open(StackCredential credential) {
        try {
            if (credential == null || credential.id() == null) {
                return new Session(keystone.serviceToken(), endpoint(keystone.serviceTokenInfo().catalog()));
            }
            IssuedToken token = token(credential);
            return new Session(token.value(), endpoint(token.info().catalog()));
        } catch (KeystoneUnavailableException e) {
            throw new OrchestratorException(OrchestratorException.Kind.TRANSIENT,
                    "Keystone is unavailable, so Heat cannot be reached: " + e.getMessage(), e);
        } catch (CredentialsRefusedException e) {
            throw new OrchestratorException(OrchestratorException.Kind.REJECTED,
                    "Keystone refused the cluster's credential " + credential + ".", e);
        }
    }

    /** Drops the cached token of a credential, after Heat refused it. */
    void forget(StackCredential credential) {
        if (credential != null && credential.id() != null) {
            tokens.invalidate(key(credential));
        }
    }

    private IssuedToken token(StackCredential credential) {
        CredentialKey key = key(credential);
        IssuedToken cached = tokens.getIfPresent(key);
        if (cached != null && cached.validBeyond(clock.instant(), RENEW_MARGIN)) {
            return cached;
        }
        IssuedToken issued = keystone.authenticate(authMethod(credential));
        tokens.put(key, issued);
        return issued;
    }

    /**
     * A credential with a project authenticates as a user of that project (id and password);
     * one without a project is an application credential, whose scope Keystone already knows.
     */
    static AuthMethod authMethod(StackCredential credential) {
        return credential.projectId() == null
                ? new AuthMethod.ApplicationCredential(credential.id(), credential.secret())
                : AuthMethod.Password.byId(credential.id(), credential.secret(), credential.projectId());
    }

    private URI endpoint(ServiceCatalog catalog) {
        String interfaceName = settings.interfaceName() != null ? settings.interfaceName()
                : keystone.settings().interfaceName();
        String region = settings.region() != null ? settings.region() : keystone.settings().region();
        return catalog.endpoint("orchestration", interfaceName, region)
                .orElseThrow(() -> new OrchestratorException(OrchestratorException.Kind.REJECTED,
                        "Service orchestration (Heat) is not in the catalogue (interface " + interfaceName
                                + (region == null ? "" : ", region " + region) + ")."));
    }

    private static CredentialKey key(StackCredential credential) {
        return new CredentialKey(credential.projectId(), credential.id(), Objects.hashCode(credential.secret()));
    }
}
