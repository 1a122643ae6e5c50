package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.RawHttp;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that announce a request body and then send nothing (or a little) must not take the API
 * down: they hold at most {@code [api] body_readers} request threads, for at most
 * {@code [api] body_timeout_seconds}, and are answered in Magnum's envelope (408 when the body does
 * not arrive in time, 503 when too many bodies are being received at once). Real sockets on loopback.
 */
class StalledRequestBodyApiTest {

    /** More than Jetty's 250 request threads: before the fix, 250 such connections froze every request. */
    private static final int STALLED = 300;

    @Test
    void a_normal_client_keeps_being_answered_while_hundreds_of_connections_hold_unfinished_bodies() {
        // A body timeout far longer than the test: the stalled connections are certainly still held
        // while the normal client works, however slow the machine is.
        try (TestServer server = TestServer.start(Map.of(Option.API_BODY_TIMEOUT, "600"))) {
            List<RawHttp> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    stalled.add(RawHttp.connect(server.port()).send(stalledHead(i)));
                }
                Api normal = server.api().as("p-normal", "member");
                for (int i = 0; i < 20; i++) {
                    assertThat(normal.get("/v1/clustertemplates").status()).as("GET %d", i).isEqualTo(200);
                    assertThat(normal.get("/v1/clusters/" + "6b4c3d2e-1f00-4a5b-9c8d-00000000000" + (i % 10)).status())
                            .as("GET of an absent cluster %d", i).isEqualTo(404);
                }
                List<RawHttp.Response> answered = new ArrayList<>();
                long held = stalled.stream().map(RawHttp::poll)
                        .filter(response -> response.map(answered::add).isEmpty()).count();
                assertThat(held).as("stalled connections the server still held after the normal client's requests")
                        .isPositive();
                answered.forEach(response -> assertEnvelope(response, 503));
            } finally {
                stalled.forEach(RawHttp::close);
            }
        }
    }

    @Test
    void a_body_that_does_not_arrive_in_time_is_answered_408_in_the_envelope_and_stores_nothing() {
        try (TestServer server = TestServer.start(Map.of(Option.API_BODY_TIMEOUT, "1"))) {
            for (int variant = 0; variant < 3; variant++) {
                try (RawHttp connection = RawHttp.connect(server.port())) {
                    RawHttp.Response response = connection.send(stalledHead(variant)).read();
                    assertEnvelope(response, 408);
                    assertThat(response.json().at("/errors/0/detail").asText())
                            .isEqualTo("The request body did not arrive within 1 second.");
                }
            }
            Api api = server.api().as("p-stalled", "member");
            assertThat(api.get("/v1/clustertemplates").json().get("clustertemplates")).isEmpty();
            assertThat(api.post("/v1/clustertemplates", template("after")).status()).isEqualTo(201);
        }
    }

    /**
     * A POST announcing 1000 bytes: every third sends part of the body, every third asks for 100
     * Continue, the rest send no body byte at all.
     */
    private static String stalledHead(int i) {
        String head = "POST /v1/clustertemplates HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Project-Id: p-stalled\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n";
        return switch (i % 3) {
            case 0 -> head + "\r\n{\"name\": \"sta";
            case 1 -> head + "Expect: 100-continue\r\n\r\n";
            default -> head + "\r\n";
        };
    }

    private static void assertEnvelope(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
        JsonNode error = response.json().at("/errors/0");
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("detail").asText()).isNotBlank();
        assertThat(error.get("request_id").asText()).startsWith("req-");
    }
}
