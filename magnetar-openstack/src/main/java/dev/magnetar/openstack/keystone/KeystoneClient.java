package dev.magnetar.openstack.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.http.ServiceUnavailableException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Magnetar's Keystone v3 client: authenticates as the service (password or application
 * credential) and keeps that token until shortly before it expires; validates callers' tokens,
 * caching each answer until the token expires but never longer than the configured maximum age, so
 * a revoked token is refused again within that age; reads endpoints from the catalogue; issues and
 * revokes tokens and application credentials. Tokens and secrets never reach a log or a message.
 */
public final class KeystoneClient {

    /** A service token is renewed this long before it expires. */
    static final Duration RENEW_MARGIN = Duration.ofMinutes(2);

    private final KeystoneSettings settings;
    private final OpenStackHttp http;
    private final Clock clock;
    private final Cache<String, Validation> validations;
    /** Tokens (by fingerprint) whose validation is being renewed in the background, one renewal each. */
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    private volatile IssuedToken serviceToken;

    public KeystoneClient(KeystoneSettings settings, OpenStackHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.validations = Caffeine.newBuilder()
                .maximumSize(settings.validationCacheSize())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new Expiry<String, Validation>() {
                    @Override
                    public long expireAfterCreate(String key, Validation validation, long now) {
                        return cacheLifetime(validation.info());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Validation validation, long now, long remaining) {
                        return cacheLifetime(validation.info());
                    }

                    @Override
                    public long expireAfterRead(String key, Validation validation, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    public static KeystoneClient create(KeystoneSettings settings) {
        return new KeystoneClient(settings, new OpenStackHttp(Duration.ofSeconds(5), settings.requestTimeout()),
                Clock.systemUTC());
    }

    public KeystoneSettings settings() {
        return settings;
    }

    /** The service's own token, renewed when it is about to expire. */
    public String serviceToken() {
        return serviceIssuedToken().value();
    }

    /** What Keystone says about the service's own token, catalogue included. */
    public TokenInfo serviceTokenInfo() {
        return serviceIssuedToken().info();
    }

    /**
     * Validates a caller's token (cached as described above). A cached answer costs a digest and a
     * map look-up. Once half the maximum age has passed, the request that finds the answer still gets
     * it, and one background call renews it, so a token in steady use never waits for Keystone; a
     * renewal that finds the token revoked drops it at once. Concurrent requests with the same token
     * that find nothing cached share one call to Keystone.
     *
     * @throws InvalidTokenException        unknown, expired or revoked token
     * @throws KeystoneUnavailableException Keystone gave no usable answer
     */
    public TokenInfo validate(String subjectToken) {
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new InvalidTokenException("No token was presented.");
        }
        String key = fingerprint(subjectToken);
        Validation cached = validations.getIfPresent(key);
        if (cached != null) {
            if (clock.millis() >= cached.renewAtMillis()) {
                renewInBackground(key, subjectToken);
            }
            return cached.info();
        }
        return validations.get(key, k -> validateNow(subjectToken)).info();
    }

    /** True while a background renewal runs (for tests, which wait for it). */
    boolean renewalsPending() {
        return !renewing.isEmpty();
    }

    private Validation validateNow(String subjectToken) {
        long asked = clock.millis();
        TokenInfo info = validateRemotely(subjectToken, true);
        if (!info.expiresAt().isAfter(clock.instant())) {
            throw new InvalidTokenException("The token has expired.");
        }
        return new Validation(info, asked + settings.validationMaxAge().toMillis() / 2);
    }

    private void renewInBackground(String key, String subjectToken) {
        if (!renewing.add(key)) {
            return;
        }
        Thread.ofVirtual().name("keystone-token-renewal").start(() -> {
            try {
                validations.put(key, validateNow(subjectToken));
            } catch (InvalidTokenException e) {
                validations.invalidate(key);
            } catch (RuntimeException e) {
                // Keystone unavailable: the cached answer stays until its maximum age, then a request asks.
            } finally {
                renewing.remove(key);
            }
        });
    }

    /** Forgets a cached validation, e.g. after revoking the token through Magnetar itself. */
    public void forget(String subjectToken) {
        validations.invalidate(fingerprint(subjectToken));
    }

    /**
     * Issues a token.
     *
     * @throws CredentialsRefusedException  Keystone refused the credentials (401)
     * @throws KeystoneUnavailableException Keystone gave no usable answer
     */
    public IssuedToken authenticate(AuthMethod method) {
        ServiceResponse response = call("POST", "/auth/tokens", Map.of(), Map.of("auth", method.toAuthBody()));
        if (response.status() == 401 || response.status() == 404) {
            throw new CredentialsRefusedException("Keystone refused the credentials " + method + ": "
                    + response.errorMessage());
        }
        requireSuccess(response, "issue a token");
        String value = response.header("X-Subject-Token")
                .orElseThrow(() -> new KeystoneUnavailableException("Keystone issued a token without X-Subject-Token", null));
        return new IssuedToken(value, TokenInfo.fromJson(response.body().path("token")));
    }

    /** Revokes a token; one that is already invalid counts as revoked. */
    public void revoke(String token) {
        ServiceResponse response = withServiceToken(serviceToken -> call("DELETE", "/auth/tokens",
                Map.of("X-Auth-Token", serviceToken, "X-Subject-Token", token), null));
        forget(token);
        if (response.status() != 404) {
            requireSuccess(response, "revoke a token");
        }
    }

    /** The endpoint of a service type in the service's own catalogue (configured interface and region). */
    public Optional<URI> endpoint(String serviceType) {
        return endpoint(serviceTokenInfo().catalog(), serviceType);
    }

    /** The endpoint of a service type in a given catalogue (configured interface and region). */
    public Optional<URI> endpoint(ServiceCatalog catalog, String serviceType) {
        return catalog.endpoint(serviceType, settings.interfaceName(), settings.region());
    }

    /**
     * Creates an application credential for the owner of {@code ownerToken}, scoped to that token's
     * project with its roles. Keystone lets only the owner create one, with a non-delegated token.
     *
     * @param expiresAt null for none
     */
    public ApplicationCredential createApplicationCredential(IssuedToken ownerToken, String name, String description,
                                                             Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        ServiceResponse response = call("POST", "/users/" + ownerToken.info().userId() + "/application_credentials",
                Map.of("X-Auth-Token", ownerToken.value()), Map.of("application_credential", body));
        requireSuccess(response, "create an application credential");
        JsonNode created = response.body().path("application_credential");
        return new ApplicationCredential(created.path("id").asText(), created.path("name").asText(),
                created.path("user_id").asText(), created.path("project_id").asText(),
                created.path("secret").asText(), expiresAt);
    }

    /** Deletes an application credential (tokens issued from it stop working); a missing one is fine. */
    public void deleteApplicationCredential(String ownerToken, String userId, String applicationCredentialId) {
        ServiceResponse response = call("DELETE", "/users/" + userId + "/application_credentials/"
                + applicationCredentialId, Map.of("X-Auth-Token", ownerToken), null);
        if (response.status() != 404) {
            requireSuccess(response, "delete an application credential");
        }
    }

    /**
     * A call to Keystone's v3 API under the service token, renewed once if Keystone no longer
     * accepts it. For administrative adapters in this module (users, roles).
     */
    public ServiceResponse callAsService(String method, String path, Object body) {
        return withServiceToken(token -> call(method, path, Map.of("X-Auth-Token", token), body));
    }

    private TokenInfo validateRemotely(String subjectToken, boolean mayRenew) {
        ServiceResponse response = call("GET", "/auth/tokens",
                Map.of("X-Auth-Token", serviceToken(), "X-Subject-Token", subjectToken), null);
        if (response.status() == 404) {
            throw new InvalidTokenException("The token is not valid: " + response.errorMessage());
        }
        if (response.status() == 401 && mayRenew) {
            serviceToken = null; // our own token was refused: renew it once
            return validateRemotely(subjectToken, false);
        }
        requireSuccess(response, "validate a token");
        return TokenInfo.fromJson(response.body().path("token"));
    }

    private ServiceResponse withServiceToken(java.util.function.Function<String, ServiceResponse> request) {
        ServiceResponse response = request.apply(serviceToken());
        if (response.status() == 401) {
            serviceToken = null;
            response = request.apply(serviceToken());
        }
        return response;
    }

    private IssuedToken serviceIssuedToken() {
        IssuedToken current = serviceToken;
        if (current != null && current.validBeyond(clock.instant(), RENEW_MARGIN)) {
            return current;
        }
        synchronized (this) {
            if (serviceToken == null || !serviceToken.validBeyond(clock.instant(), RENEW_MARGIN)) {
                try {
                    serviceToken = authenticate(serviceAuthMethod());
                } catch (CredentialsRefusedException e) {
                    throw new KeystoneUnavailableException("Keystone refused Magnetar's service credentials ("
                            + serviceAuthMethod() + "); check the [keystone] section", e);
                }
            }
            return serviceToken;
        }
    }

    private AuthMethod serviceAuthMethod() {
        if (settings.applicationCredentialId() != null) {
            return new AuthMethod.ApplicationCredential(settings.applicationCredentialId(), settings.secret());
        }
        return AuthMethod.Password.byName(settings.username(), settings.userDomainName(), settings.secret(),
                settings.projectName(), settings.projectDomainName());
    }

    private ServiceResponse call(String method, String path, Map<String, String> headers, Object body) {
        try {
            return http.send(method, URI.create(settings.authUrl() + path), headers, body, settings.retry());
        } catch (ServiceUnavailableException e) {
            throw new KeystoneUnavailableException("Keystone at " + settings.authUrl() + " is unavailable: "
                    + e.getMessage(), e);
        }
    }

    private static void requireSuccess(ServiceResponse response, String what) {
        if (!response.isSuccess()) {
            throw new KeystoneUnavailableException("Keystone did not " + what + ": HTTP " + response.status() + " "
                    + response.errorMessage(), null);
        }
    }

    private long cacheLifetime(TokenInfo info) {
        Duration untilExpiry = Duration.between(clock.instant(), info.expiresAt());
        Duration lifetime = untilExpiry.compareTo(settings.validationMaxAge()) < 0 ? untilExpiry
                : settings.validationMaxAge();
        return Math.max(0, lifetime.toNanos());
    }

    /**
     * A validation, and when (clock millis) a request that finds it has it renewed: half the maximum
     * age after Keystone was asked, worked out once so that a cached answer costs no arithmetic.
     */
    private record Validation(TokenInfo info, long renewAtMillis) {
    }

    /** Each thread's SHA-256: looking the algorithm up cost more than the digest itself. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    /** Cache keys are digests, so a heap dump of the cache holds no usable token. */
    private static String fingerprint(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
