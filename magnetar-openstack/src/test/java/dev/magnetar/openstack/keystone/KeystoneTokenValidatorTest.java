package dev.magnetar.openstack.keystone;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
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

class KeystoneTokenValidatorTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final StubServer stub = new StubServer();
    private final KeystoneTokenValidator tokens;

    KeystoneTokenValidatorTest() throws IOException {
        KeystoneSettings settings = new KeystoneSettings(stub.uri("/v3"), "magnetar", "service-secret", null,
                "service", null, null, null, null, Duration.ofSeconds(60), 100, Duration.ofSeconds(5),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        tokens = new KeystoneTokenValidator(new KeystoneClient(settings,
                new OpenStackHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5), d -> { }),
                new MutableClock(START)));
        Tokens.issue(stub, "service-token", Tokens.body("magnetar", "service", "admin", START.plusSeconds(3600),
                Map.of("orchestration", "http://heat/v1/service-id")));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aProjectScopedTokenIsTheCallerItStandsFor() {
        stub.on("GET", "/v3/auth/tokens",
                Answer.json(200, Tokens.body("alice", "alpha", "member", START.plusSeconds(3600), Map.of())));

        RequestContext caller = tokens.authenticate("user-token", "req-1");

        assertThat(caller.requestId()).isEqualTo("req-1");
        assertThat(caller.projectId()).isEqualTo("alpha-id");
        assertThat(caller.roles()).containsExactly("member");
    }

    @Test
    void noTokenOrAnUnknownOneIsNotAuthenticated() {
        stub.on("GET", "/v3/auth/tokens", Answer.json(404, "{\"error\": {\"code\": 404}}"));

        assertThatThrownBy(() -> tokens.authenticate(null, "req-1")).isInstanceOf(MagnetarException.class)
                .extracting(e -> ((MagnetarException) e).kind()).isEqualTo(ErrorKind.NOT_AUTHENTICATED);
        assertThatThrownBy(() -> tokens.authenticate("stolen-token", "req-2")).isInstanceOf(MagnetarException.class)
                .hasMessage("The request you have made requires authentication.")
                .extracting(e -> ((MagnetarException) e).kind()).isEqualTo(ErrorKind.NOT_AUTHENTICATED);
    }

    @Test
    void aTokenOfNoProjectIsForbidden() {
        stub.on("GET", "/v3/auth/tokens", Answer.json(200, """
                {"token": {"methods": ["password"], "expires_at": "%s",
                  "user": {"id": "alice-id", "name": "alice", "domain": {"id": "default", "name": "Default"}},
                  "roles": []}}""".formatted(START.plusSeconds(3600))));

        assertThatThrownBy(() -> tokens.authenticate("unscoped-token", "req-1")).isInstanceOf(MagnetarException.class)
                .extracting(e -> ((MagnetarException) e).kind()).isEqualTo(ErrorKind.NOT_AUTHORIZED);
    }

    @Test
    void aKeystoneThatCannotAnswerIsUnavailableNeverAPass() {
        stub.on("GET", "/v3/auth/tokens", Answer.json(503, "{\"error\": {\"message\": \"overloaded\"}}"));

        assertThatThrownBy(() -> tokens.authenticate("user-token", "req-1")).isInstanceOf(MagnetarException.class)
                .extracting(e -> ((MagnetarException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    }

    @Test
    void theChallengeNamesKeystonesAddress() {
        assertThat(tokens.challenge()).isEqualTo("Keystone uri=\"" + stub.uri("/v3") + "\"");
    }
}
