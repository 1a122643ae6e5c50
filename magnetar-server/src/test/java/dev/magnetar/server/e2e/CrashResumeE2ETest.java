package dev.magnetar.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills `magnetar serve` with SIGKILL at points of a create, a scale and a delete, starts it again
 * on the same data, and checks each operation finishes with exactly one stack. The simulated cloud
 * runs at realistic speed (stacks take seconds), so the kills land while work is in flight.
 */
class CrashResumeE2ETest {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void a_create_killed_before_its_stack_exists_resumes_and_completes_with_one_stack() {
        crashDuring("create", (api, uuid) -> true);
    }

    @Test
    void a_create_killed_while_its_stack_is_in_progress_completes_with_one_stack() {
        crashDuring("create", (api, uuid) -> stackFiles() == 1);
    }

    @Test
    void a_scale_killed_at_once_and_while_updating_completes() {
        ServerProcess server = new ServerProcess(dataDir).start();
        Api api = new Api(server.url());
        try {
            String uuid = createAndSettle(api);
            api.patch("/v1/clusters/" + uuid, List.of(Map.of("op", "replace", "path", "/node_count", "value", 2)));
            server.kill();
            server.start();
            awaitStatus(api, uuid, "UPDATE_COMPLETE", server);
            api.patch("/v1/clusters/" + uuid, List.of(Map.of("op", "replace", "path", "/node_count", "value", 3)));
            Eventually.await("stack updating", Duration.ofSeconds(20), () -> api.get("/v1/clusters/" + uuid).json(),
                    c -> true);
            ServerProcess.sleep(1500);
            server.kill();
            server.start();
            JsonNode settled = awaitStatus(api, uuid, "UPDATE_COMPLETE", server);
            assertThat(settled.get("node_count").asInt()).isEqualTo(3);
            assertThat(settled.get("node_addresses")).hasSize(3);
            assertThat(stackFiles()).isEqualTo(1);
        } finally {
            server.kill();
        }
    }

    @Test
    void a_delete_killed_at_once_and_while_deleting_removes_the_cluster_and_its_stack() {
        ServerProcess server = new ServerProcess(dataDir).start();
        Api api = new Api(server.url());
        try {
            String first = createAndSettle(api);
            assertThat(api.delete("/v1/clusters/" + first).status()).isEqualTo(204);
            server.kill();
            server.start();
            awaitGone(api, first, server);

            String second = createAndSettle(api);
            assertThat(api.delete("/v1/clusters/" + second).status()).isEqualTo(204);
            Eventually.await("delete started", Duration.ofSeconds(20), () -> api.get("/v1/clusters/" + second).json(),
                    c -> c.path("status").asText().equals("DELETE_IN_PROGRESS"));
            ServerProcess.sleep(300);
            server.kill();
            server.start();
            awaitGone(api, second, server);
            Eventually.await("no stacks left", Duration.ofSeconds(30), () -> {
                api.get("/v1/clusters");
                return stackFiles();
            }, count -> count == 0);
        } finally {
            server.kill();
        }
    }

    private interface KillPoint {
        boolean reached(Api api, String uuid);
    }

    private void crashDuring(String what, KillPoint killPoint) {
        ServerProcess server = new ServerProcess(dataDir).start();
        Api api = new Api(server.url());
        try {
            String template = api.post("/v1/clustertemplates", Fixtures.template("t")).json().get("uuid").asText();
            Api.Response accepted = api.post("/v1/clusters", Fixtures.cluster("crash", template));
            assertThat(accepted.status()).isEqualTo(202);
            String uuid = accepted.json().get("uuid").asText();
            await(() -> killPoint.reached(api, uuid), "kill point of " + what);
            server.kill();
            server.start();
            JsonNode settled = awaitStatus(api, uuid, "CREATE_COMPLETE", server);
            assertThat(settled.get("api_address").asText()).isNotBlank();
            assertThat(stackFiles()).as("exactly one stack").isEqualTo(1);
        } finally {
            server.kill();
        }
    }

    private String createAndSettle(Api api) {
        String template = api.post("/v1/clustertemplates", Fixtures.template("t")).json().get("uuid").asText();
        String uuid = api.post("/v1/clusters", Fixtures.cluster("c", template)).json().get("uuid").asText();
        return Eventually.await("CREATE_COMPLETE", SETTLE, () -> api.get("/v1/clusters/" + uuid).json(),
                c -> c.path("status").asText().equals("CREATE_COMPLETE")).get("uuid").asText();
    }

    private static JsonNode awaitStatus(Api api, String uuid, String status, ServerProcess server) {
        try {
            return Eventually.await(status, SETTLE, () -> api.get("/v1/clusters/" + uuid).json(),
                    c -> c.path("status").asText().equals(status) || c.path("status").asText().endsWith("FAILED"));
        } finally {
            JsonNode last = api.get("/v1/clusters/" + uuid).json();
            assertThat(last.path("status").asText()).as(last + "\n" + server.tail()).isEqualTo(status);
        }
    }

    private static void awaitGone(Api api, String uuid, ServerProcess server) {
        Eventually.await("cluster gone; log: " + server.tail(), SETTLE, () -> api.get("/v1/clusters/" + uuid).status(),
                status -> status == 404);
    }

    /** The simulated cloud keeps one file per stack that is not yet gone. */
    private long stackFiles() {
        Path stacks = dataDir.resolve("simulated-cloud");
        if (!Files.isDirectory(stacks)) {
            return 0;
        }
        try (var files = Files.list(stacks)) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.await(what, Duration.ofSeconds(30), condition::getAsBoolean, reached -> reached);
    }
}
