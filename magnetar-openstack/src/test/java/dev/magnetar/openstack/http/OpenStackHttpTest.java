package dev.magnetar.openstack.http;

import dev.magnetar.openstack.http.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenStackHttpTest {

    private final StubServer stub = new StubServer();
    private final List<Duration> waits = new ArrayList<>();
    private final OpenStackHttp http = new OpenStackHttp(HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build(), Duration.ofSeconds(5), waits::add);
    private final RetryPolicy threeTimes = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    OpenStackHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void repeatsA5xxWithGrowingWaitsUntilAnAnswerComes() {
        stub.on("GET", "/x", Answer.json(503, "{}"), Answer.json(502, "{}"), Answer.json(200, "{\"ok\": true}"));

        ServiceResponse response = http.send("GET", stub.uri("/x"), Map.of(), null, threeTimes);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("ok").asBoolean()).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheServicesMessage() {
        stub.on("POST", "/x", Answer.json(500, "{\"error\": {\"message\": \"engine gone\"}}"));

        assertThatThrownBy(() -> http.send("POST", stub.uri("/x"), Map.of(), Map.of("a", 1), threeTimes))
                .isInstanceOfSatisfying(ServiceUnavailableException.class,
                        e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("engine gone");
        assertThat(stub.count("POST", "/x")).isEqualTo(3);
    }

    @Test
    void handsBack4xxAndRedirectsAtOnceWithoutRetrying() {
        stub.on("GET", "/bad", Answer.json(400, "{\"error\": {\"message\": \"no\"}}"));
        stub.on("GET", "/moved", new Answer(302, "", Map.of("Location", "/elsewhere")));

        assertThat(http.send("GET", stub.uri("/bad"), Map.of(), null, threeTimes).status()).isEqualTo(400);
        ServiceResponse moved = http.send("GET", stub.uri("/moved"), Map.of(), null, threeTimes);
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.header("Location")).contains("/elsewhere");
        assertThat(stub.requests()).hasSize(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsUnavailableAfterTheRetries() {
        assertThatThrownBy(() -> http.send("GET", URI.create("http://127.0.0.1:9/"), Map.of(), null, threeTimes))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("no answer");
        assertThat(waits).hasSize(2);
    }

    @Test
    void sendsJsonWithTheGivenHeaders() {
        stub.on("PATCH", "/x", Answer.json(202, ""));

        http.send("PATCH", stub.uri("/x"), Map.of("X-Auth-Token", "t"), Map.of("parameters", Map.of("n", 3)), threeTimes);

        StubServer.Request sent = stub.requests().get(0);
        assertThat(sent.header("X-Auth-Token")).isEqualTo("t");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo("{\"parameters\":{\"n\":3}}");
    }
}
