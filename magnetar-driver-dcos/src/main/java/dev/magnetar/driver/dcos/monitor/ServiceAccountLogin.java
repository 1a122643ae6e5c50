package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/**
 * Non-interactive DC/OS login (docs/reference/dcos-facts.md#logging-in-as-a-service-account): a login JWT signed
 * with the service account's key, posted to the IAM through Admin Router, exchanged for an authentication token.
 */
final class ServiceAccountLogin {

    static final String PATH = "/acs/api/v1/auth/login";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    private ServiceAccountLogin() {
    }

    /** A token, or why there is none. */
    record Outcome(AuthToken token, String failure) {
    }

    static CompletableFuture<Outcome> login(AdminRouter router, ServiceAccount account, InstantSource clock,
                                            Deadline deadline) {
        byte[] body = JSON.createObjectNode().put("uid", account.uid())
                .put("token", LoginJwt.sign(account, clock.instant())).toString().getBytes(StandardCharsets.UTF_8);
        return router.postJson(PATH, body, deadline).thenApply(reply -> switch (reply) {
            case Reply.Unreachable u -> new Outcome(null, "cannot reach Admin Router to log in: " + u.why());
            case Reply.Unreadable u -> refused(account, "HTTP " + u.status() + ", " + u.why());
            case Reply.Answered a when a.ok() -> issued(account, a, clock);
            case Reply.Answered a -> refused(account, "HTTP " + a.status() + detail(a.body()));
        });
    }

    private static Outcome issued(ServiceAccount account, Reply.Answered answer, InstantSource clock) {
        try {
            JsonNode token = JSON.readTree(answer.body()).get("token");
            if (token == null || !token.isTextual() || token.asText().isEmpty()) {
                return refused(account, "the answer carries no token");
            }
            return new Outcome(AuthToken.issued(token.asText(), clock.instant()), null);
        } catch (IOException e) {
            return refused(account, "the answer is not JSON");
        }
    }

    private static Outcome refused(ServiceAccount account, String why) {
        return new Outcome(null, "login as service account '" + account.uid() + "' failed: " + why);
    }

    /** The IAM's own words ({@code description}, else {@code title}), shortened. */
    private static String detail(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            String text = error.path("description").asText(error.path("title").asText(""));
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
        } catch (IOException e) {
            return "";
        }
    }
}
