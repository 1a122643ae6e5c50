package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.openstack.heat.WaitHandles;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.server.e2e.ServerProcess;
import dev.magnetar.server.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code magnetar serve} with Keystone auth and the OpenStack backend, killed with SIGKILL while
 * creates are in flight (once before the cluster's stack exists, once after) and started again on
 * the same embedded database: every cluster ends with exactly one Heat stack and settles.
 */
@ExtendWith(LoopbackOpenStack.class)
class KillAndRestartIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private static LookupStandIn lookups;
    private static ServerProcess server;
    private static Caller alpha;

    @BeforeAll
    static void start() {
        lookups = LookupStandIn.start(LoopbackCloud.keystone());
        server = new ServerProcess(dataDir, LoopbackCloud.serverEnvironment()).start();
        alpha = LoopbackCloud.caller(server.url(), "alpha-member", "alpha");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            try {
                Bays.deleteAll(alpha, SETTLE);
                for (JsonNode template : alpha.get("/v1/clustertemplates").json().path("clustertemplates")) {
                    alpha.delete("/v1/clustertemplates/" + template.path("uuid").asText());
                }
            } finally {
                server.kill();
            }
        }
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    void creates_killed_before_and_after_their_stack_exists_finish_with_one_stack_each() throws Exception {
        String template = uuidOf(alpha.post("/v1/clustertemplates", LoopbackCloud.blueprintTemplate("crash-dcos")), 201);

        String early = uuidOf(alpha.post("/v1/clusters", cluster("killed-early", template)), 202);
        server.kill();
        server.start();

        String late = uuidOf(alpha.post("/v1/clusters", cluster("killed-late", template)), 202);
        Slowly.await("a stack for " + late, SETTLE, () -> LoopbackCloud.stacksOf("alpha", late), s -> !s.isEmpty());
        server.kill();
        server.start();

        for (String uuid : List.of(early, late)) {
            JsonNode stack = Slowly.await("a stack for " + uuid, SETTLE, () -> LoopbackCloud.stacksOf("alpha", uuid),
                    s -> !s.isEmpty()).get(0);
            WaitHandles nodes = new WaitHandles(LoopbackCloud.keystone());
            String name = stack.path("stack_name").asText();
            String id = stack.path("id").asText();
            nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 2, true, "bootstrap and master up");
            nodes.signalNew(name, id, LoopbackCloud.member("alpha"), 1, true, "agent up");
        }
        for (String uuid : List.of(early, late)) {
            JsonNode settled = Slowly.await("cluster " + uuid + " settled", SETTLE,
                    () -> alpha.get("/v1/clusters/" + uuid).json(),
                    c -> !c.path("status").asText().endsWith("_IN_PROGRESS"));
            assertThat(settled.path("status").asText()).as(settled + "\n" + server.tail()).isEqualTo("CREATE_COMPLETE");
            List<JsonNode> stacks = LoopbackCloud.stacksOf("alpha", uuid);
            assertThat(stacks).as("Heat stacks of " + uuid).hasSize(1);
            assertThat(settled.path("stack_id").asText()).isEqualTo(stacks.get(0).path("id").asText());
        }
    }

    private static Map<String, Object> cluster(String name, String template) {
        return Map.of("name", name, "cluster_template_id", template, "node_count", 1, "master_count", 1,
                "create_timeout", 10);
    }

    private static String uuidOf(Api.Response response, int status) {
        assertThat(response.status()).as(response + "\n" + server.tail()).isEqualTo(status);
        return response.json().path("uuid").asText();
    }
}
