package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.keystone.InvalidTokenException;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.sim.SimulatedCatalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The loopback cloud has real Keystone and Heat but no Glance, Nova or Neutron, which template and
 * cluster validation look up. This stand-in answers exactly those look-ups — Glance v2 images,
 * Nova flavors and keypairs, Neutron external networks — in their wire format, from the simulated
 * cloud's fixed catalogue ({@code catalogue.yaml} of magnetar-sim), and refuses any token the real Keystone does not accept. It registers
 * itself in the real Keystone catalogue as {@code image}, {@code compute} and {@code network} on the
 * {@value #INTERFACE} interface only, so the server under test (configured with that interface)
 * finds it exactly as it would find real services, through the caller's token, while every client
 * on the {@code public} interface still sees a cloud without them. Its endpoints are removed again
 * on {@link #close()}, and any left by a killed run are removed on the next start.
 */
final class LookupStandIn implements AutoCloseable {

    /** The catalogue interface the stand-in is registered on and the server under test must use. */
    static final String INTERFACE = "internal";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the simulated cloud lists; the stand-in serves the same images, flavors, keypairs and networks. */
    private static final String CATALOGUE = "/dev/magnetar/sim/catalogue.yaml";
    private static final Map<String, String> SERVICES = Map.of(
            "image", "glance-stand-in", "compute", "nova-stand-in", "network", "neutron-stand-in");

    private final KeystoneClient keystone;
    private final JsonNode catalogue = simulatedCatalogue();
    private final HttpServer http;
    private final List<String> endpointIds = new ArrayList<>();

    private LookupStandIn(KeystoneClient keystone) throws IOException {
        this.keystone = keystone;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(2));
    }

    /** Starts it and registers its endpoints with the service user (an admin of the service project). */
    static LookupStandIn start(KeystoneClient keystone) {
        try {
            LookupStandIn standIn = new LookupStandIn(keystone);
            standIn.http.start();
            standIn.register();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode simulatedCatalogue() {
        try (InputStream in = SimulatedCatalogue.class.getResourceAsStream(CATALOGUE)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    // --- the catalogue entries -----------------------------------------------------------------

    private void register() {
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String serviceId = ensureService(service.getKey(), service.getValue());
            removeStaleEndpoints(serviceId);
            ServiceResponse created = keystone.callAsService("POST", "/endpoints", Map.of("endpoint", Map.of(
                    "service_id", serviceId, "interface", INTERFACE, "region_id", "RegionOne", "enabled", true,
                    "url", base() + "/" + service.getKey())));
            endpointIds.add(expect(created, "register " + service.getValue()).path("endpoint").path("id").asText());
        }
    }

    private String ensureService(String type, String name) {
        for (JsonNode existing : expect(keystone.callAsService("GET", "/services?type=" + type, null), "list services")
                .path("services")) {
            if (existing.path("name").asText().equals(name)) {
                return existing.path("id").asText();
            }
        }
        return expect(keystone.callAsService("POST", "/services", Map.of("service", Map.of(
                "type", type, "name", name, "enabled", true,
                "description", "Magnetar's integration tests: look-ups only"))), "create service " + name)
                .path("service").path("id").asText();
    }

    /** Endpoints whose stand-in no longer answers were left by a run that could not clean up. */
    private void removeStaleEndpoints(String serviceId) {
        for (JsonNode endpoint : expect(keystone.callAsService("GET", "/endpoints?service_id=" + serviceId, null),
                "list endpoints").path("endpoints")) {
            if (!answers(URI.create(endpoint.path("url").asText()))) {
                keystone.callAsService("DELETE", "/endpoints/" + endpoint.path("id").asText(), null);
            }
        }
    }

    private static boolean answers(URI url) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode expect(ServiceResponse response, String what) {
        if (!response.isSuccess()) {
            throw new IllegalStateException("Keystone refused to " + what + ": HTTP " + response.status() + " "
                    + response.errorMessage());
        }
        return response.body();
    }

    @Override
    public void close() {
        endpointIds.forEach(id -> keystone.callAsService("DELETE", "/endpoints/" + id, null));
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }

    // --- the look-ups ----------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
            if (token == null || !accepted(token)) {
                respond(exchange, 401, Map.of("error", Map.of("code", 401, "message",
                        "The request you have made requires authentication.")));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestMethod().equals("DELETE")) {
                // Magnum's tempest plugin deletes its configured keypair before each test and creates it
                // only when that fails; a known keypair "deleted" keeps it in the fixed catalogue.
                boolean known = path.startsWith("/compute/os-keypairs/") && route(path, Map.of()) != null;
                exchange.sendResponseHeaders(known ? 202 : 404, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Object body = route(path, query);
            if (body == null) {
                respond(exchange, 404, Map.of("itemNotFound", Map.of("code", 404, "message", path + " not found")));
            } else {
                respond(exchange, 200, body);
            }
        }
    }

    private boolean accepted(String token) {
        try {
            keystone.validate(token);
            return true;
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    /** The body for a look-up, or null for 404. */
    private Object route(String path, Map<String, String> query) {
        String last = decode(path.substring(path.lastIndexOf('/') + 1));
        if (path.startsWith("/image/v2/images/")) {
            return find(catalogue.path("images"), "id", last).map(LookupStandIn::image).orElse(null);
        }
        if (path.equals("/image/v2/images")) {
            return Map.of("images", all(catalogue.path("images"), "name", query.get("name")).stream()
                    .map(LookupStandIn::image).toList());
        }
        if (path.equals("/compute/flavors/detail")) {
            return Map.of("flavors", all(catalogue.path("flavors"), null, null).stream()
                    .map(LookupStandIn::flavor).toList());
        }
        if (path.startsWith("/compute/flavors/")) {
            return find(catalogue.path("flavors"), "id", last).map(f -> Map.of("flavor", flavor(f))).orElse(null);
        }
        if (path.startsWith("/compute/os-keypairs/")) {
            for (JsonNode keypair : catalogue.path("keypairs")) {
                if (keypair.asText().equals(last)) {
                    return Map.of("keypair", Map.of("name", last));
                }
            }
            return null;
        }
        if (path.equals("/network/v2.0/networks") && "True".equals(query.get("router:external"))) {
            String field = query.containsKey("id") ? "id" : "name";
            return Map.of("networks", all(catalogue.path("networks"), field, query.get(field)).stream()
                    .filter(n -> n.path("external").asBoolean())
                    .map(n -> Map.of("id", n.path("id").asText(), "name", n.path("name").asText(),
                            "router:external", true)).toList());
        }
        return null;
    }

    private static java.util.Optional<JsonNode> find(JsonNode entries, String field, String value) {
        return all(entries, field, value).stream().findFirst();
    }

    /** The entries whose {@code field} is {@code value} (all of them when field is null). */
    private static List<JsonNode> all(JsonNode entries, String field, String value) {
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (field == null || entry.path(field).asText().equals(value)) {
                matches.add(entry);
            }
        }
        return matches;
    }

    private static Map<String, Object> image(JsonNode image) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", image.path("id").asText());
        json.put("name", image.path("name").asText());
        json.put("status", "active");
        if (image.hasNonNull("os_distro")) {
            json.put("os_distro", image.path("os_distro").asText());
        }
        return json;
    }

    private static Map<String, Object> flavor(JsonNode flavor) {
        return Map.of("id", flavor.path("id").asText(), "name", flavor.path("name").asText(),
                "vcpus", flavor.path("vcpus").asInt(), "ram", flavor.path("ram_mb").asInt(),
                "disk", flavor.path("disk_gb").asInt());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
