package dev.magnetar.cli.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's HTTP: the quick-starting connection for what it can send, the JDK client for the rest. */
class UrlConnectionTransportTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body + " "
                    + exchange.getRequestHeaders().getFirst("X-Test"));
            byte[] answer = exchange.getRequestURI().getPath().equals("/missing")
                    ? "{\"errors\": []}".getBytes(StandardCharsets.UTF_8)
                    : "{\"ok\": \"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Openstack-Request-Id", "req-1");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200,
                    answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_post_is_sent_once_with_its_headers_and_body_and_the_answer_read_as_utf8() throws IOException {
        HttpTransport.Reply reply = HttpTransport.standard()
                .send("POST", base.resolve("/v1/clusters"), Map.of("X-Test", "yes"), "{\"name\": \"\u00e9\"}");

        assertThat(seen).containsExactly("POST /v1/clusters {\"name\": \"\u00e9\"} yes");
        assertThat(reply).isEqualTo(new HttpTransport.Reply(200, "{\"ok\": \"\u00e9\"}", "req-1"));
    }

    @Test
    void an_error_status_comes_back_with_its_body_not_as_an_exception() throws IOException {
        HttpTransport.Reply reply = HttpTransport.standard().send("GET", base.resolve("/missing"), Map.of(), null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"errors\": []}");
    }

    @Test
    void patch_which_the_url_connection_refuses_goes_to_the_other_transport() throws IOException {
        List<String> delegated = new CopyOnWriteArrayList<>();
        HttpTransport others = (method, uri, headers, body) -> {
            delegated.add(method + " " + uri.getPath() + " " + body);
            return new HttpTransport.Reply(200, "{}", null);
        };

        new UrlConnectionTransport(others).send("PATCH", base.resolve("/v1/clusters/x"), Map.of(), "[]");
        new UrlConnectionTransport(others).send("DELETE", base.resolve("/v1/clusters/x"), Map.of(), null);

        assertThat(delegated).containsExactly("PATCH /v1/clusters/x []");
        assertThat(seen).containsExactly("DELETE /v1/clusters/x  null");
    }

    @Test
    void the_standard_transport_sends_a_patch_for_real() throws IOException {
        HttpTransport.standard().send("PATCH", base.resolve("/v1/clusters/x"), Map.of("X-Test", "p"), "[]");

        assertThat(seen).containsExactly("PATCH /v1/clusters/x [] p");
    }
}
