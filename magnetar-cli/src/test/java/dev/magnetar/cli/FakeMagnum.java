package dev.magnetar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Magnetar API on 127.0.0.1: answers stubbed requests with canned, Magnum-shaped
 * responses and records every request so tests can assert exactly what the client sent. Responses
 * stubbed for one route are served in order; the last one repeats (so a poll can settle).
 */
final class FakeMagnum implements AutoCloseable {

    static final String REQUEST_ID = "req-7f0c2b1e-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server saw it; {@code target} is the raw path with its query. */
    record Request(String method, String target, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Response(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> routes = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeMagnum() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stubs {@code method target} (path with query, as sent) with a JSON body ({@code ""} for none). */
    synchronized FakeMagnum on(String method, String target, int status, String body) {
        routes.computeIfAbsent(method + " " + target, k -> new ArrayDeque<>()).add(new Response(status, body));
        return this;
    }

    /** Stubs an error with Magnum's envelope. */
    FakeMagnum fails(String method, String target, int status, String detail) {
        String body = JSON.createObjectNode().set("errors", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("request_id", "").put("code", status < 500 ? "client" : "server").put("status", status)
                .put("title", detail.split("\\.")[0]).put("detail", detail)
                .set("links", JSON.createArrayNode()))).toString();
        return on(method, target, status, body);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The one request sent with this method, failing if there was not exactly one. */
    Request only(String method) {
        List<Request> matching = requests.stream().filter(r -> r.method().equals(method)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " request, got " + matching);
        }
        return matching.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(new Request(exchange.getRequestMethod(), target, exchange.getRequestHeaders(), body));
        Response response = next(exchange.getRequestMethod() + " " + target);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Openstack-Request-Id", REQUEST_ID);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private synchronized Response next(String route) {
        Deque<Response> queue = routes.get(route);
        if (queue == null || queue.isEmpty()) {
            return new Response(404, "{\"errors\":[{\"status\":404,\"code\":\"client\",\"title\":\"Not stubbed\","
                    + "\"detail\":\"No stub for " + route + "\"}]}");
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
