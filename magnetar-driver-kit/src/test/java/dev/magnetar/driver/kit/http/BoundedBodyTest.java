package dev.magnetar.driver.kit.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBodyTest {

    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small", exchange -> {
            exchange.sendResponseHeaders(503, 5);
            exchange.getResponseBody().write("busy!".getBytes());
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
            } catch (Exception stopped) {
                // the client cancelled, as it should
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void keepsABodyWithinTheLimitWithItsStatus() throws Exception {
        BoundedBody.Body body = http.send(get("/small"), BoundedBody.handler(1024)).body();

        assertThat(body.status()).isEqualTo(503);
        assertThat(body.tooLarge()).isFalse();
        assertThat(new String(body.bytes())).isEqualTo("busy!");
    }

    @Test
    void cancelsABodyPastTheLimit() throws Exception {
        BoundedBody.Body body = http.send(get("/endless"), BoundedBody.handler(100_000)).body();

        assertThat(body.status()).isEqualTo(200);
        assertThat(body.tooLarge()).isTrue();
        assertThat(body.bytes()).isEmpty();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
    }
}
