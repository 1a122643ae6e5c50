package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cosmos, DC/OS's package manager, as Admin Router reaches it under {@code /package/*}
 * (docs/reference/dcos-facts.md#cosmos-package-api): the repository list, add and delete, and search, each a POST
 * whose {@code Content-Type} and {@code Accept} must be the endpoint's versioned media types. A cluster starts
 * with DC/OS's default list (the public Universe). Every repository the cluster can reach holds one package,
 * {@code hello-<name>}, shaped like the search fixture; one that {@link DcosFaults} makes unreachable fails a
 * search with an error naming it, the first one listed, as Cosmos stops at the first repository it cannot read.
 */
final class SimulatedCosmos {

    static final String ERROR_TYPE = "application/vnd.dcos.package.error+json;charset=utf-8;version=v1";
    static final String DEFAULT_NAME = "Universe";
    static final String DEFAULT_URI = "https://universe.mesosphere.com/repo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KINDS = Map.of(
            "/package/repository/list", "repository.list",
            "/package/repository/add", "repository.add",
            "/package/repository/delete", "repository.delete",
            "/package/search", "search");

    private SimulatedCosmos() {
    }

    /** What Cosmos answers: status, media type and body. */
    record Answer(int status, String contentType, byte[] body) {
    }

    /** One listed repository. */
    record Repository(String name, String uri) {
    }

    static boolean serves(String path) {
        return KINDS.containsKey(path);
    }

    static String requestType(String kind) {
        return "application/vnd.dcos.package." + kind + "-request+json;charset=utf-8;version=v1";
    }

    static String responseType(String kind) {
        return "application/vnd.dcos.package." + kind + "-response+json;charset=utf-8;version=v1";
    }

    static Answer handle(SimCluster cluster, String path, String method, String contentType, String accept,
                         byte[] request) {
        String kind = KINDS.get(path);
        if (!"POST".equals(method)) {
            return error(405, "MethodNotAllowed", "Cosmos' " + path + " takes POST", Map.of());
        }
        if (contentType == null || !normal(contentType).equals(normal(requestType(kind)))) {
            return error(415, "UnsupportedContentType", "Unsupported Content-Type: " + contentType
                    + "; available: " + requestType(kind), Map.of());
        }
        if (accept == null || !acceptable(accept, responseType(kind))) {
            return error(406, "NotAcceptable", "Unsupported Accept: " + accept + "; available: "
                    + responseType(kind), Map.of());
        }
        JsonNode body;
        try {
            body = request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
        } catch (IOException e) {
            return error(400, "MalformedRequest", "the request body is not JSON", Map.of());
        }
        if (body == null || !body.isObject()) {
            return error(400, "MalformedRequest", "the request body must be a JSON object", Map.of());
        }
        return switch (kind) {
            case "repository.list" -> ok(kind, list(cluster.repositories()));
            case "repository.add" -> add(cluster, body, kind);
            case "repository.delete" -> delete(cluster, body, kind);
            default -> search(cluster, body, kind);
        };
    }

    private static Answer add(SimCluster cluster, JsonNode body, String kind) {
        String name = body.path("name").asText("");
        String uri = body.path("uri").asText("");
        if (name.isEmpty() || uri.isEmpty()) {
            return error(400, "MalformedRequest", "name and uri are required", Map.of());
        }
        if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
            return error(400, "UnsupportedRepositoryUri", "Repository URI [" + uri + "] uses an unsupported scheme. "
                    + "Only http and https are supported", Map.of("uri", uri));
        }
        synchronized (cluster) {
            List<Repository> repositories = new ArrayList<>(cluster.repositories());
            for (Repository r : repositories) {
                if (r.name().equals(name) || r.uri().equals(uri)) {
                    return error(409, "RepositoryAlreadyPresent", "Repository (name: " + name + ", uri: " + uri
                            + ") already exists", Map.of("name", name, "uri", uri));
                }
            }
            int index = body.has("index") ? body.path("index").asInt(-1) : repositories.size();
            if (index < 0 || index > repositories.size()) {
                return error(400, "RepositoryAddIndexOutOfBounds", "Index (" + body.path("index")
                        + ") is out of range. Index value must be between '0' and '" + repositories.size() + "' inclusive",
                        Map.of("attempted", String.valueOf(body.path("index")), "max", String.valueOf(repositories.size())));
            }
            repositories.add(index, new Repository(name, uri));
            cluster.repositories(repositories);
            return ok(kind, list(repositories));
        }
    }

    private static Answer delete(SimCluster cluster, JsonNode body, String kind) {
        Optional<String> name = text(body, "name");
        Optional<String> uri = text(body, "uri");
        if (name.isEmpty() && uri.isEmpty()) {
            return error(400, "RepoNameOrUriMissing", "Must specify either the name or URI of the repository",
                    Map.of());
        }
        synchronized (cluster) {
            List<Repository> repositories = new ArrayList<>(cluster.repositories());
            boolean removed = repositories.removeIf(r -> name.map(r.name()::equals).orElse(true)
                    && uri.map(r.uri()::equals).orElse(true));
            if (!removed) {
                Map<String, String> data = new LinkedHashMap<>();
                name.ifPresent(n -> data.put("name", n));
                uri.ifPresent(u -> data.put("uri", u));
                return error(404, "RepositoryNotPresent", "Repository " + data + " not found", data);
            }
            cluster.repositories(repositories);
            return ok(kind, list(repositories));
        }
    }

    private static Answer search(SimCluster cluster, JsonNode body, String kind) {
        String query = body.path("query").asText("").toLowerCase(Locale.ROOT);
        List<Repository> repositories = cluster.repositories();
        for (Repository r : repositories) {
            if (cluster.faults().unreachableRepositories().contains(r.name())) {
                return error(502, "RepositoryUriConnection", "Could not access data at URI " + r.uri(),
                        Map.of("name", r.name(), "uri", r.uri()));
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode packages = answer.putArray("packages");
        for (Repository r : repositories) {
            String name = "hello-" + r.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            if (!query.isEmpty() && !name.contains(query)) {
                continue;
            }
            ObjectNode p = packages.addObject();
            p.put("name", name);
            p.put("currentVersion", "1.0.0-1");
            p.putObject("versions").put("1.0.0-1", 0);
            p.put("description", "Tiny demo web server from " + r.name());
            p.put("framework", false);
            p.putArray("tags").add("demo").add("web");
            p.put("selected", false);
        }
        return ok(kind, answer);
    }

    private static ObjectNode list(List<Repository> repositories) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode list = o.putArray("repositories");
        repositories.forEach(r -> list.addObject().put("name", r.name()).put("uri", r.uri()));
        return o;
    }

    private static Answer ok(String kind, ObjectNode body) {
        return new Answer(200, responseType(kind), bytes(body));
    }

    private static Answer error(int status, String type, String message, Map<String, String> data) {
        ObjectNode o = JSON.createObjectNode().put("type", type).put("message", message);
        if (!data.isEmpty()) {
            ObjectNode d = o.putObject("data");
            data.forEach(d::put);
        }
        return new Answer(status, ERROR_TYPE, bytes(o));
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    private static boolean acceptable(String accept, String type) {
        for (String offered : accept.split(",")) {
            if (normal(offered).equals(normal(type))) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String mediaType) {
        return mediaType.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
