package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a service account's login JWT as the DC/OS IAM does
 * (docs/reference/dcos-facts.md#logging-in-as-a-service-account): RS256, signed by the key the account was
 * installed with, for the uid that logs in, not expired. A real signature check, so a test that signs with the
 * wrong key fails the way a real cluster would fail it.
 */
final class LoginJwtVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private LoginJwtVerifier() {
    }

    /** The RSA public key in a PEM {@code BEGIN PUBLIC KEY} block. */
    static PublicKey publicKey(String pem) {
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("not a PEM public key (BEGIN PUBLIC KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** Why the JWT does not log {@code uid} in, or empty when it does. */
    static Optional<String> problem(String jwt, String uid, PublicKey key, Instant now) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("token is not a compact JWT");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return Optional.of("token must be signed with RS256");
            }
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.of("token signature does not match the service account's public key");
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!uid.equals(claims.path("uid").asText())) {
                return Optional.of("token is for another uid");
            }
            JsonNode exp = claims.get("exp");
            if (exp == null || !exp.canConvertToLong()) {
                return Optional.of("token has no exp");
            }
            if (exp.asLong() <= now.getEpochSecond()) {
                return Optional.of("token expired");
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            return Optional.of("token is malformed");
        }
    }
}
