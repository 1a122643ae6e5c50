package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.ConcurrentRequests;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static dev.magnetar.server.support.Fixtures.cluster;
import static dev.magnetar.server.support.Fixtures.template;
import static dev.magnetar.server.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that race over real HTTP, on a whole server on each database engine (a subclass per
 * engine): every acknowledged template change survives its concurrent neighbours, and a project's
 * cluster quota holds whatever the number of concurrent creates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentWritesContract {

    private TestServer server;

    /** The server options that put it on this contract's engine; empty for the embedded default. */
    abstract Map<Option, String> databaseOptions();

    /** Gives the engine back after the server stopped. */
    void releaseDatabase() {
    }

    @BeforeAll
    void startServer() {
        server = TestServer.start(databaseOptions());
    }

    @AfterAll
    void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            releaseDatabase();
        }
    }

    private Api member(String project) {
        return server.api().as(project, "member");
    }

    private static String newProject() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void every_acknowledged_label_of_8_clients_x_50_concurrent_patches_is_kept() throws Exception {
        Api owner = member(newProject());
        String uuid = createTemplate(owner);
        int clients = 8;
        int patchesEach = 50;

        List<List<Api.Response>> answers = ConcurrentRequests.race(clients, client -> {
            List<Api.Response> mine = new ArrayList<>();
            for (int i = 0; i < patchesEach; i++) {
                mine.add(owner.patch("/v1/clustertemplates/" + uuid, List.of(
                        Map.of("op", "add", "path", "/labels/" + label(client, i), "value", "v" + i))));
            }
            return mine;
        });

        Set<String> acknowledged = new TreeSet<>();
        List<String> unexpected = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            for (int i = 0; i < patchesEach; i++) {
                Api.Response answer = answers.get(client).get(i);
                if (answer.status() == 200) {
                    acknowledged.add(label(client, i));
                } else {
                    unexpected.add(label(client, i) + ": " + answer);
                }
            }
        }
        JsonNode labels = owner.get("/v1/clustertemplates/" + uuid).json().get("labels");
        Set<String> kept = new TreeSet<>();
        labels.fieldNames().forEachRemaining(kept::add);
        assertThat(kept).as("labels present after every PATCH was answered").containsAll(acknowledged);
        assertThat(unexpected).as("each PATCH is applied on the template as it is when it is written").isEmpty();
        assertThat(kept).hasSize(clients * patchesEach);
    }

    @Test
    void two_hundred_concurrent_creates_against_the_default_quota_of_20_accept_exactly_20() throws Exception {
        String project = newProject();
        Api caller = member(project);
        String templateUuid = createTemplate(caller);

        List<Api.Response> answers = ConcurrentRequests.race(200,
                i -> caller.post("/v1/clusters", cluster("c" + i, templateUuid)));

        Map<Integer, Integer> byStatus = new HashMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        assertThat(byStatus).as("answers by status").containsExactlyInAnyOrderEntriesOf(Map.of(202, 20, 403, 180));
        answers.stream().filter(a -> a.status() == 403).forEach(refused -> assertThat(refused.detail())
                .isEqualTo("You have reached the maximum clusters per project, 20. You may delete a cluster to make"
                        + " room for a new one."));
        assertThat(caller.get("/v1/clusters?limit=1000").json().get("clusters")).as("refused creates stored nothing")
                .hasSize(20);
    }

    @Test
    void a_deleted_cluster_gives_its_slot_back_once_when_its_row_is_gone() throws Exception {
        // As in Magnum, every cluster row counts against the quota, whatever its status.
        String project = newProject();
        Api caller = member(project);
        Api admin = server.api().as(project, "admin");
        assertThat(admin.post("/v1/quotas", Map.of("project_id", project, "resource", "Cluster", "hard_limit", 3))
                .status()).isEqualTo(201);
        String templateUuid = createTemplate(caller);
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response created = caller.post("/v1/clusters", cluster("c" + i, templateUuid));
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            clusters.add(created.json().get("uuid").asText());
        }
        String doomed = clusters.getFirst();
        Eventually.await("the cluster to settle", Duration.ofSeconds(60),
                () -> caller.get("/v1/clusters/" + doomed).json().path("status").asText(),
                status -> status.endsWith("_COMPLETE"));

        String heatDown = server.simulator().faults().apiUnavailableFor(Duration.ofMinutes(5));
        List<Api.Response> deletes = ConcurrentRequests.race(2, i -> caller.delete("/v1/clusters/" + doomed));
        assertThat(deletes).extracting(Api.Response::status).containsOnly(204);
        assertThat(caller.get("/v1/clusters/" + doomed).json().path("status").asText()).isEqualTo("DELETE_IN_PROGRESS");
        assertThat(caller.post("/v1/clusters", cluster("early", templateUuid)).status())
                .as("a cluster being deleted still holds its slot").isEqualTo(403);
        server.simulator().faults().remove(heatDown);
        Eventually.await("the deleted cluster's row to go", Duration.ofSeconds(60),
                () -> caller.get("/v1/clusters/" + doomed).status(), status -> status == 404);

        List<Api.Response> creates = ConcurrentRequests.race(10,
                i -> caller.post("/v1/clusters", cluster("again" + i, templateUuid)));
        assertThat(creates).extracting(Api.Response::status).as("one slot came back, once")
                .containsOnly(202, 403).filteredOn(s -> s == 202).hasSize(1);
        assertThat(caller.get("/v1/clusters?limit=1000").json().get("clusters")).hasSize(3);
    }

    private static String label(int client, int i) {
        return "note_c" + client + "_p" + i;
    }

    private static String createTemplate(Api as) {
        Api.Response created = as.post("/v1/clustertemplates", with(template("shared"), "labels", Map.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("uuid").asText();
    }
}
