package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The authentication tokens the simulated IAM issues: JWT-shaped like DC/OS's (so a client can read
 * {@code exp}), signed with a per-server HMAC key, naming the cluster and its token generation so
 * revoking a cluster's tokens is one counter increment and checking one costs no lookup.
 */
final class SessionTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final byte[] key = new byte[32];
    private final Duration lifetime;

    SessionTokens(Duration lifetime) {
        new SecureRandom().nextBytes(key);
        this.lifetime = lifetime;
    }

    String issue(String clusterId, String uid, int generation, Instant now) {
        String claims = JSON.createObjectNode().put("uid", uid).put("cluster", clusterId).put("gen", generation)
                .put("exp", now.plus(lifetime).getEpochSecond()).toString();
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(mac(signingInput));
    }

    /** True when the token was issued here, for this cluster's current generation, and has not expired. */
    boolean valid(String token, String clusterId, int generation, Instant now) {
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0 || !token.startsWith(HEADER + ".")) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
            if (!MessageDigest.isEqual(signature, mac(token.substring(0, lastDot)))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(
                    token.substring(HEADER.length() + 1, lastDot)));
            return clusterId.equals(claims.path("cluster").asText()) && claims.path("gen").asInt(-1) == generation
                    && claims.path("exp").asLong(0) > now.getEpochSecond();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String input) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
