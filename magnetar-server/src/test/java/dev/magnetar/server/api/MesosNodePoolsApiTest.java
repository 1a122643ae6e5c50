package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magnum's nodegroups API (1.9) on a {@code mesos_ubuntu_v1} cluster against the simulated cloud: a pool of
 * Mesos agents with its own attributes and isolators is added, resized removing a chosen agent, and deleted,
 * each by one update of the cluster's stack (docs/mesos-driver.md, "Node pools").
 */
class MesosNodePoolsApiTest extends ApiTestBase {

    static final String GPU_ISOLATION = "filesystem/linux,docker/runtime,cgroups/cpu,cgroups/mem,cgroups/devices,"
            + "gpu/nvidia";

    Api v19;
    String clusterId;

    @BeforeEach
    void aCompleteMesosCluster() {
        v19 = member.withVersion("1.9");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "mesos-pools");
        template.put("coe", "mesos");
        template.put("image_id", "ubuntu-mesos");
        template.put("keypair_id", "testkey");
        template.put("external_network_id", "public");
        template.put("flavor_id", "m1.small");
        template.put("master_flavor_id", "m1.medium");
        template.put("labels", Map.of("mesos_slave_attributes", "zone:az1"));
        String templateId = createTemplate(member, template);
        Api.Response accepted = member.post("/v1/clusters", Map.of("name", "mesos-c", "node_count", 1,
                "cluster_template_id", templateId));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        clusterId = accepted.json().get("uuid").asText();
        awaitCluster("CREATE_COMPLETE");
    }

    JsonNode awaitCluster(String status) {
        return Eventually.await(clusterId + " " + status, Duration.ofSeconds(30),
                () -> member.get("/v1/clusters/" + clusterId).json(), c -> status.equals(c.path("status").asText()));
    }

    String groups() {
        return "/v1/clusters/" + clusterId + "/nodegroups";
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("nodegroups").forEach(g -> names.add(g.get("name").asText()));
        return names;
    }

    @Test
    void a_pool_of_agents_with_its_own_attributes_is_added_resized_removing_a_chosen_agent_and_deleted() {
        Api.Response added = v19.post(groups(), Map.of("name", "gpu", "node_count", 2, "max_node_count", 4,
                "flavor_id", "m1.large", "merge_labels", true, "labels", Map.of(
                        "mesos_slave_attributes", "zone:az2;gpu:true", "mesos_slave_isolation", GPU_ISOLATION)));

        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        assertThat(added.json().get("role").asText()).as("Magnum's default role").isEqualTo("worker");
        assertThat(added.json().get("labels_overridden").get("mesos_slave_attributes").asText()).isEqualTo("zone:az1");
        awaitCluster("UPDATE_COMPLETE");
        JsonNode pool = v19.get(groups() + "/gpu").json();
        assertThat(pool.get("status").asText()).isEqualTo("UPDATE_COMPLETE");
        assertThat(pool.get("flavor_id").asText()).isEqualTo("m1.large");
        assertThat(pool.get("labels").get("mesos_slave_attributes").asText()).isEqualTo("zone:az2;gpu:true");
        List<String> agents = new ArrayList<>();
        pool.get("node_addresses").forEach(a -> agents.add(a.asText()));
        assertThat(agents).hasSize(2).doesNotHaveDuplicates();
        JsonNode worker = v19.get(groups() + "/default-worker").json();
        assertThat(worker.get("node_addresses")).as("the default agents are not the pool's").hasSize(1);
        assertThat(agents).doesNotContain(worker.get("node_addresses").get(0).asText());
        assertThat(names(v19.get(groups()).json())).containsExactly("default-master", "default-worker", "gpu");

        String removed = agents.get(0);
        Api.Response resized = v19.post("/v1/clusters/" + clusterId + "/actions/resize",
                Map.of("node_count", 1, "nodegroup", "gpu", "nodes_to_remove", List.of(removed)));
        assertThat(resized.status()).as(resized.toString()).isEqualTo(202);
        JsonNode one = Eventually.await("pool of one", Duration.ofSeconds(30), () -> v19.get(groups() + "/gpu").json(),
                g -> g.get("status").asText().equals("UPDATE_COMPLETE") && g.get("node_addresses").size() == 1);
        assertThat(one.get("node_addresses").get(0).asText()).as("the chosen agent went").isEqualTo(agents.get(1));
        assertThat(v19.get(groups() + "/default-worker").json().get("node_count").asInt()).isEqualTo(1);

        assertThat(v19.delete(groups() + "/gpu").status()).isEqualTo(204);
        awaitCluster("UPDATE_COMPLETE");
        assertThat(v19.get(groups() + "/gpu").status()).isEqualTo(404);
        assertThat(names(v19.get(groups()).json())).containsExactly("default-master", "default-worker");
        assertThat(member.get("/v1/clusters/" + clusterId).json().get("node_addresses")).hasSize(1);
    }

    @Test
    void a_pools_labels_are_judged_by_mesos_rules_and_may_not_change_the_whole_clusters() {
        Api.Response set = v19.post(groups(), Map.of("name", "bad", "merge_labels", true,
                "labels", Map.of("mesos_slave_attributes", "gpus:{0,1}")));
        assertThat(set.status()).isEqualTo(400);
        assertThat(set.detail()).contains("mesos_slave_attributes", "is a set");

        Api.Response launcher = v19.post(groups(), Map.of("name", "bad", "merge_labels", true, "labels", Map.of(
                "mesos_slave_launcher", "posix", "mesos_slave_isolation", "cgroups/cpu,cgroups/mem")));
        assertThat(launcher.status()).isEqualTo(400);
        assertThat(launcher.detail()).contains("mesos_slave_launcher", "need the linux launcher");

        Api.Response clusterWide = v19.post(groups(), Map.of("name", "bad", "merge_labels", true,
                "labels", Map.of("marathon_framework_name", "other")));
        assertThat(clusterWide.status()).isEqualTo(400);
        assertThat(clusterWide.detail()).contains("marathon_framework_name of node group bad must be the cluster's");

        Api.Response role = v19.post(groups(), Map.of("name", "edge", "role", "public_agent"));
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.detail()).contains("field/attribute role", "agent, worker");
        assertThat(names(v19.get(groups()).json())).containsExactly("default-master", "default-worker");
    }
}
