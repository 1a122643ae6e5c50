package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A DC/OS authentication token, sent as {@code Authorization: token=…}, and when it stops being
 * valid. DC/OS issues JWTs, so the expiry is read from the {@code exp} claim (not verified: the
 * cluster is the authority on its own tokens); an opaque token is assumed to last
 * {@link #ASSUMED_LIFETIME}, and a 401 ends it earlier either way.
 */
record AuthToken(String value, Instant expiresAt) {

    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);
    /** How long before its expiry a token is replaced by a new login. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    static AuthToken issued(String value, Instant now) {
        return new AuthToken(value, expiryClaim(value).orElse(now.plus(ASSUMED_LIFETIME)));
    }

    /**
     * True while it is worth sending: until {@link #RENEW_BEFORE} before it expires, so a poll never
     * starts with a token that may run out while the poll is under way.
     */
    boolean usable(Instant now) {
        return now.isBefore(expiresAt.minus(RENEW_BEFORE));
    }

    private static java.util.Optional<Instant> expiryClaim(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims.get("exp");
            return exp != null && exp.canConvertToLong() ? java.util.Optional.of(Instant.ofEpochSecond(exp.asLong()))
                    : java.util.Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AuthToken[expiresAt=" + expiresAt + "]";
    }
}
