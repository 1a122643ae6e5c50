package dev.magnetar.openstack.keystone;

import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.StubServer;
import dev.magnetar.openstack.http.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeystoneClientTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final StubServer stub = new StubServer();
    private final MutableClock clock = new MutableClock(START);
    private final KeystoneClient keystone;

    KeystoneClientTest() throws IOException {
        KeystoneSettings settings = new KeystoneSettings(stub.uri("/v3"), "magnetar", "service-secret", null,
                "service", null, null, null, null, Duration.ofSeconds(60), 100, Duration.ofSeconds(5),
                new RetryPolicy(2, Duration.ZERO, Duration.ZERO));
        keystone = new KeystoneClient(settings, new OpenStackHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5),
                d -> { }), clock);
        Tokens.issue(stub, "service-token", Tokens.body("magnetar", "service", "admin", START.plusSeconds(3600),
                Map.of("orchestration", "http://heat/v1/service-id")));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private void validates(String token, String user, Instant expiresAt) {
        stub.on("GET", "/v3/auth/tokens", Answer.json(200, Tokens.body(user, "alpha", "member", expiresAt, Map.of())));
    }

    @Test
    void asksKeystoneOnceAndThenAnswersFromTheCache() {
        validates("user-token", "alice", START.plusSeconds(3600));

        TokenInfo first = keystone.validate("user-token");
        clock.advance(Duration.ofSeconds(29));
        TokenInfo second = keystone.validate("user-token");

        assertThat(first).isEqualTo(second);
        assertThat(first.userName()).isEqualTo("alice");
        assertThat(stub.count("GET", "/v3/auth/tokens")).isEqualTo(1);
        StubServer.Request validation = stub.requests().stream().filter(r -> r.method().equals("GET")).findFirst()
                .orElseThrow();
        assertThat(validation.header("X-Auth-Token")).isEqualTo("service-token");
        assertThat(validation.header("X-Subject-Token")).isEqualTo("user-token");
    }

    @Test
    void asksAgainOnceTheMaximumAgeHasPassedSoARevocationIsSeen() {
        stub.on("GET", "/v3/auth/tokens",
                Answer.json(200, Tokens.body("alice", "alpha", "member", START.plusSeconds(3600), Map.of())),
                Answer.json(404, "{\"error\": {\"code\": 404, \"message\": \"Could not find token: user-token\"}}"));
        keystone.validate("user-token");

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> keystone.validate("user-token")).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void renewsATokenInSteadyUseInTheBackgroundSoNoRequestWaitsForKeystone() throws InterruptedException {
        validates("user-token", "alice", START.plusSeconds(3600));
        keystone.validate("user-token");

        clock.advance(Duration.ofSeconds(31));
        assertThat(keystone.validate("user-token").userName()).isEqualTo("alice"); // from the cache
        awaitRenewals();
        assertThat(stub.count("GET", "/v3/auth/tokens")).isEqualTo(2);

        // At 60.5 s the first answer (asked at 0 s) is past its 60 s maximum age; the renewed one (asked
        // at 31 s) is not yet due for renewal (61 s), so it is served without any call to Keystone.
        clock.advance(Duration.ofMillis(29_500));
        assertThat(keystone.validate("user-token").userName()).isEqualTo("alice");
        assertThat(keystone.renewalsPending()).isFalse();
        assertThat(stub.count("GET", "/v3/auth/tokens")).isEqualTo(2);
    }

    @Test
    void aRenewalThatFindsTheTokenRevokedRefusesItFromThenOn() throws InterruptedException {
        stub.on("GET", "/v3/auth/tokens",
                Answer.json(200, Tokens.body("alice", "alpha", "member", START.plusSeconds(3600), Map.of())),
                Answer.json(404, "{\"error\": {\"code\": 404, \"message\": \"Could not find token\"}}"));
        keystone.validate("user-token");

        clock.advance(Duration.ofSeconds(31));
        keystone.validate("user-token");
        awaitRenewals();

        assertThatThrownBy(() -> keystone.validate("user-token")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void withinHalfTheMaximumAgeNothingIsRenewed() {
        validates("user-token", "alice", START.plusSeconds(3600));
        keystone.validate("user-token");

        clock.advance(Duration.ofSeconds(29));
        keystone.validate("user-token");

        assertThat(keystone.renewalsPending()).isFalse();
        assertThat(stub.count("GET", "/v3/auth/tokens")).isEqualTo(1);
    }

    private void awaitRenewals() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (keystone.renewalsPending() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(keystone.renewalsPending()).as("background renewal finished").isFalse();
    }

    @Test
    void keepsAValidationNoLongerThanTheTokenLives() {
        stub.on("GET", "/v3/auth/tokens",
                Answer.json(200, Tokens.body("alice", "alpha", "member", START.plusSeconds(20), Map.of())),
                Answer.json(404, "{\"error\": {\"message\": \"expired\"}}"));
        keystone.validate("short-lived");

        clock.advance(Duration.ofSeconds(21));

        assertThatThrownBy(() -> keystone.validate("short-lived")).isInstanceOf(InvalidTokenException.class);
        assertThat(stub.count("GET", "/v3/auth/tokens")).isEqualTo(2);
    }

    @Test
    void keepsTheServiceTokenUntilShortlyBeforeItExpires() {
        validates("a", "alice", START.plusSeconds(3600));
        keystone.validate("a");
        keystone.validate("b");
        assertThat(stub.count("POST", "/v3/auth/tokens")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(3600).minus(KeystoneClient.RENEW_MARGIN).plusSeconds(1));
        keystone.validate("c");

        assertThat(stub.count("POST", "/v3/auth/tokens")).isEqualTo(2);
    }

    @Test
    void renewsTheServiceTokenOnceWhenKeystoneNoLongerAcceptsIt() {
        stub.on("GET", "/v3/auth/tokens", Answer.json(401, "{\"error\": {\"message\": \"revoked\"}}"),
                Answer.json(200, Tokens.body("alice", "alpha", "member", START.plusSeconds(3600), Map.of())));

        assertThat(keystone.validate("user-token").userName()).isEqualTo("alice");
        assertThat(stub.count("POST", "/v3/auth/tokens")).isEqualTo(2);
    }

    @Test
    void aKeystoneAnswering5xxIsUnavailableAndTheTokenIsNeverInTheMessage() {
        stub.on("GET", "/v3/auth/tokens", Answer.json(503, "{\"error\": {\"message\": \"overloaded\"}}"));

        assertThatThrownBy(() -> keystone.validate("secret-user-token"))
                .isInstanceOf(KeystoneUnavailableException.class)
                .hasMessageContaining("overloaded")
                .hasMessageNotContaining("secret-user-token")
                .hasMessageNotContaining("service-secret");
        assertThat(stub.count("GET", "/v3/auth/tokens")).as("retried per policy").isEqualTo(2);
    }

    @Test
    void anEmptyTokenIsInvalidWithoutAskingKeystone() {
        assertThatThrownBy(() -> keystone.validate(" ")).isInstanceOf(InvalidTokenException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void sendsThePasswordOfTheServiceUserScopedToItsProject() {
        validates("a", "alice", START.plusSeconds(3600));
        keystone.validate("a");

        String auth = stub.requests().get(0).body();
        assertThat(auth).contains("\"methods\":[\"password\"]", "\"name\":\"magnetar\"", "\"password\":\"service-secret\"",
                "\"project\":{", "\"name\":\"service\"");
    }

    @Test
    void settingsAndCredentialsNeverPrintTheirSecrets() {
        assertThat(keystone.settings().toString()).doesNotContain("service-secret");
        assertThat(AuthMethod.Password.byId("u", "pw-123", "p").toString()).doesNotContain("pw-123");
        assertThat(new AuthMethod.ApplicationCredential("id", "s-456").toString()).doesNotContain("s-456");
        assertThat(new IssuedToken("tok-789", null).toString()).doesNotContain("tok-789");
    }

    @Test
    void readsTheExpiryOfTokensFromApplicationCredentialsWhichCarriesNoZone() {
        assertThat(TokenInfo.instant("2026-11-24T19:27:26.764711")).isEqualTo(Instant.parse("2026-11-24T19:27:26.764711Z"));
        assertThat(TokenInfo.instant("2026-11-24T19:27:26.000000Z")).isEqualTo(Instant.parse("2026-11-24T19:27:26Z"));
    }
}
