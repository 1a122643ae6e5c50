package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The short-lived RS256 JWT {@code {uid, exp}} a service account proves itself with when it logs in
 * (docs/reference/dcos-facts.md#logging-in-as-a-service-account). Compact serialisation, Base64url without padding
 * (RFC 7515); signed by {@link Rs256}.
 */
final class LoginJwt {

    /** Short enough that a leaked login JWT is soon worthless; long enough for modest clock skew. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private LoginJwt() {
    }

    static String sign(ServiceAccount account, Instant now) {
        ObjectNode claims = JSON.createObjectNode().put("uid", account.uid())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.toString()
                .getBytes(StandardCharsets.UTF_8));
        try {
            return signingInput + "." + BASE64URL.encodeToString(Rs256.sign(account.privateKey(),
                    signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing is unavailable in this JDK", e);
        }
    }
}
