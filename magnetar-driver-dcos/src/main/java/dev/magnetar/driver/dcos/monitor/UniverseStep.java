package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.driver.dcos.labels.PackageRepositories.Repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The package catalogue as a user meets it, through Cosmos behind Admin Router
 * (docs/reference/dcos-facts.md#cosmos-package-api; docs/monitoring.md, "Universe"): when the cluster's labels
 * name its repositories, the listed ones are made the wanted ones ({@link RepositoryPlan}: list first, delete what
 * is not asked for, add what is missing in order); then a search must answer with packages. What goes wrong is
 * noted under the reason key {@value #KEY} and never makes DC/OS itself unhealthy.
 *
 * <p>This is where the labels are applied, rather than by the node scripts: the monitor already
 * reaches every settled cluster through Admin Router with its login, on whichever conductor replica
 * owns it, so a cluster update of the labels takes effect at the next poll without a stack update or
 * node access, and a list changed behind Magnetar's back is put right.
 */
final class UniverseStep {

    static final String KEY = "universe";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/package/repository/list";
    private static final String ADD = "/package/repository/add";
    private static final String DELETE = "/package/repository/delete";
    private static final String SEARCH = "/package/search";

    private UniverseStep() {
    }

    static String requestType(String kind) {
        return "application/vnd.dcos.package." + kind + "-request+json;charset=utf-8;version=v1";
    }

    static String responseType(String kind) {
        return "application/vnd.dcos.package." + kind + "-response+json;charset=utf-8;version=v1";
    }

    /** The list and a search, sent at once beside DC/OS's own checks so the usual poll costs one round trip. */
    record Pending(CompletableFuture<Reply> list, CompletableFuture<Reply> search) {

        boolean refused() {
            return list.join() instanceof Reply.Answered a && a.status() == 401;
        }
    }

    static Pending start(AdminRouter router, String token, Deadline deadline) {
        return new Pending(send(router, token, "repository.list", LIST, JSON.createObjectNode(), deadline),
                send(router, token, "search", SEARCH, JSON.createObjectNode(), deadline));
    }

    /**
     * Judges the list and the search, first making the list the wanted one when it is not (then
     * searching again, since the first search saw the old list).
     *
     * @param wanted the repositories the labels ask for, in order; empty leaves the list as it is
     */
    static void finish(Pending pending, AdminRouter router, String token, Optional<List<Repository>> wanted,
                       Deadline deadline, Findings findings) {
        Outcome listed = outcome(LIST, pending.list().join());
        if (listed.body() == null) {
            findings.note(KEY, "cannot read Cosmos' repository list: " + listed.problem());
            return;
        }
        List<Repository> current = repositories(listed.body());
        Outcome searched = outcome(SEARCH, pending.search().join());
        if (wanted.isPresent()) {
            if (!RepositoryPlan.between(current, wanted.get()).empty()) {
                current = converge(router, token, current, wanted.get(), deadline, findings);
                searched = call(router, token, "search", SEARCH, JSON.createObjectNode(), deadline);
            }
            for (Repository missing : wanted.get()) {
                if (current.stream().noneMatch(missing::matches)) {
                    findings.note(KEY, "repository '" + missing.name() + "' is not in Cosmos' list");
                }
            }
        }
        if (current.isEmpty()) {
            return;
        }
        Outcome search = searched;
        if (search.body() == null) {
            findings.note(KEY, search.failingRepository(current)
                    .map(r -> "repository '" + r.name() + "' unreachable: " + search.problem())
                    .orElse("package search failed: " + search.problem()));
        } else if (search.body().path("packages").isEmpty()) {
            findings.note(KEY, "the listed repositories offer no packages");
        }
    }

    private static List<Repository> converge(AdminRouter router, String token, List<Repository> current,
                                             List<Repository> wanted, Deadline deadline, Findings findings) {
        RepositoryPlan plan = RepositoryPlan.between(current, wanted);
        if (plan.empty()) {
            return current;
        }
        List<Repository> latest = current;
        for (Repository gone : plan.deletions()) {
            ObjectNode body = JSON.createObjectNode().put("name", gone.name());
            Outcome deleted = call(router, token, "repository.delete", DELETE, body, deadline);
            if (deleted.body() == null) {
                findings.note(KEY, "cannot delete repository '" + gone.name() + "': " + deleted.problem());
                return latest;
            }
            latest = repositories(deleted.body());
        }
        for (RepositoryPlan.Addition addition : plan.additions()) {
            ObjectNode body = JSON.createObjectNode().put("name", addition.repository().name())
                    .put("uri", addition.repository().uri()).put("index", addition.index());
            Outcome added = call(router, token, "repository.add", ADD, body, deadline);
            if (added.body() == null) {
                findings.note(KEY, "cannot add repository '" + addition.repository().name() + "': "
                        + added.problem());
                return latest;
            }
            latest = repositories(added.body());
        }
        return latest;
    }

    private static List<Repository> repositories(JsonNode body) {
        List<Repository> repositories = new ArrayList<>();
        body.path("repositories").forEach(r -> repositories.add(new Repository(r.path("name").asText(),
                r.path("uri").asText())));
        return repositories;
    }

    /** A Cosmos answer: its JSON body when it succeeded, else what went wrong and Cosmos' error, if any. */
    private record Outcome(JsonNode body, String problem, JsonNode error) {

        /** The listed repository Cosmos' error names (by name or URI), if it names one. */
        Optional<Repository> failingRepository(List<Repository> listed) {
            if (error == null) {
                return Optional.empty();
            }
            JsonNode data = error.path("data");
            String name = data.path("name").asText(data.path("repository").path("name").asText(""));
            String uri = data.path("uri").asText(data.path("repository").path("uri").asText(""));
            return listed.stream().filter(r -> r.name().equals(name) || r.uri().equals(uri)).findFirst();
        }
    }

    private static Outcome call(AdminRouter router, String token, String kind, String path, ObjectNode request,
                                Deadline deadline) {
        return outcome(path, send(router, token, kind, path, request, deadline).join());
    }

    private static CompletableFuture<Reply> send(AdminRouter router, String token, String kind, String path,
                                                 ObjectNode request, Deadline deadline) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return router.post(path, requestType(kind), responseType(kind), bytes, token, deadline);
    }

    private static Outcome outcome(String path, Reply reply) {
        return switch (reply) {
            case Reply.Unreachable u -> new Outcome(null, u.why(), null);
            case Reply.Unreadable u -> new Outcome(null, "HTTP " + u.status() + ": " + u.why(), null);
            case Reply.Answered a -> {
                JsonNode body;
                try {
                    body = JSON.readTree(a.body());
                } catch (IOException e) {
                    body = null;
                }
                if (a.ok() && body != null && body.isObject()) {
                    yield new Outcome(body, null, null);
                }
                String message = body != null && body.hasNonNull("message") ? body.get("message").asText() : null;
                yield new Outcome(null, "HTTP " + a.status() + " from " + path
                        + (message == null ? "" : " (" + message + ")"), body);
            }
        };
    }
}
