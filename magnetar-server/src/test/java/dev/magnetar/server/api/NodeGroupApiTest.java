package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.cluster;
import static dev.magnetar.server.support.Fixtures.template;
import static dev.magnetar.server.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Magnum's nodegroups API (1.9) over HTTP, on the test driver, whose clusters take pools of role worker. */
class NodeGroupApiTest extends ApiTestBase {

    Api v19;
    String clusterId;

    @BeforeEach
    void aCompleteCluster() {
        v19 = member.withVersion("1.9");
        String templateId = createTemplate(member, with(template("tmpl"), "labels", Map.of("test_label", "blue")));
        Api.Response accepted = member.post("/v1/clusters", with(cluster("c1", templateId), "node_count", 2));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        clusterId = accepted.json().get("uuid").asText();
        awaitCluster("CREATE_COMPLETE");
    }

    JsonNode awaitCluster(String status) {
        return Eventually.await(clusterId + " " + status, Duration.ofSeconds(20),
                () -> member.get("/v1/clusters/" + clusterId).json(), c -> status.equals(c.path("status").asText()));
    }

    String groups() {
        return "/v1/clusters/" + clusterId + "/nodegroups";
    }

    Api.Response addPool(String name, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "node_count", 1));
        body.putAll(extra);
        return v19.post(groups(), body);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("nodegroups").forEach(g -> names.add(g.get("name").asText()));
        return names;
    }

    @Nested
    class Defaults {

        @Test
        void every_cluster_lists_its_default_master_and_worker_groups_with_magnums_summary_fields() {
            Api.Response list = v19.get(groups());

            assertThat(list.status()).isEqualTo(200);
            assertThat(names(list.json())).containsExactly("default-master", "default-worker");
            JsonNode worker = list.json().get("nodegroups").get(1);
            assertThat(worker.get("role").asText()).isEqualTo("worker");
            assertThat(worker.get("node_count").asInt()).isEqualTo(2);
            assertThat(worker.get("is_default").asBoolean()).isTrue();
            assertThat(worker.get("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(iterable(worker.fieldNames())).containsExactlyInAnyOrder("uuid", "name", "flavor_id",
                    "image_id", "node_count", "role", "is_default", "status", "stack_id", "links");
        }

        @Test
        void a_default_group_shows_every_field_by_uuid_or_name_with_the_clusters_addresses() {
            JsonNode byName = v19.get(groups() + "/default-worker").json();
            JsonNode byUuid = v19.get(groups() + "/" + byName.get("uuid").asText()).json();

            assertThat(byUuid).isEqualTo(byName);
            assertThat(iterable(byName.fieldNames())).contains("uuid", "name", "cluster_id", "project_id",
                    "docker_volume_size", "labels", "flavor_id", "image_id", "node_addresses", "node_count", "role",
                    "max_node_count", "min_node_count", "is_default", "stack_id", "status", "status_reason", "version",
                    "merge_labels", "labels_added", "labels_overridden", "labels_skipped", "created_at", "updated_at",
                    "links");
            assertThat(byName.get("cluster_id").asText()).isEqualTo(clusterId);
            assertThat(byName.get("node_addresses")).hasSize(2);
            assertThat(byName.get("labels").get("test_label").asText()).isEqualTo("blue");
            assertThat(byName.get("links").get(0).get("href").asText())
                    .endsWith("/v1/clusters/" + clusterId + "/nodegroups/" + byName.get("uuid").asText());
        }

        @Test
        void default_groups_cannot_be_deleted() {
            Api.Response refused = v19.delete(groups() + "/default-worker");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("Deleting a default nodegroup is not supported.");
        }

        @Test
        void the_cluster_view_does_not_grow_node_group_fields() {
            JsonNode cluster = member.get("/v1/clusters/" + clusterId).json();

            assertThat(cluster.has("node_groups")).isFalse();
            assertThat(cluster.has("node_group_states")).isFalse();
        }
    }

    @Nested
    class Versions {

        @Test
        void below_1_9_every_nodegroup_call_is_not_acceptable() {
            Api v18 = member.withVersion("1.8");

            assertThat(v18.get(groups()).status()).isEqualTo(406);
            assertThat(v18.get(groups() + "/default-worker").status()).isEqualTo(406);
            assertThat(v18.post(groups(), Map.of("name", "p")).status()).isEqualTo(406);
            assertThat(member.get(groups()).json().get("errors").get(0).get("code").asText())
                    .isEqualTo("magnum.microversion-unsupported");
        }
    }

    @Nested
    class Pools {

        @Test
        void adding_a_pool_answers_202_with_the_group_and_one_stack_update_builds_its_nodes() {
            Api.Response added = addPool("big", Map.of("node_count", 2, "max_node_count", 4,
                    "labels", Map.of("test_label", "green")));

            assertThat(added.status()).as(added.toString()).isEqualTo(202);
            assertThat(added.json().get("name").asText()).isEqualTo("big");
            assertThat(added.json().get("is_default").asBoolean()).isFalse();
            assertThat(added.json().get("status").asText()).isEqualTo("CREATE_IN_PROGRESS");
            assertThat(added.json().get("labels_overridden").get("test_label").asText()).isEqualTo("blue");
            // at instant simulation speed the update may already have finished
            assertThat(member.get("/v1/clusters/" + clusterId).json().get("status").asText())
                    .isIn("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE");
            awaitCluster("UPDATE_COMPLETE");
            JsonNode pool = v19.get(groups() + "/big").json();
            assertThat(pool.get("status").asText()).isEqualTo("UPDATE_COMPLETE");
            assertThat(pool.get("node_addresses")).hasSize(2);
            assertThat(pool.get("max_node_count").asInt()).isEqualTo(4);
            assertThat(names(v19.get(groups()).json())).containsExactly("default-master", "default-worker", "big");
        }

        @Test
        void a_pool_is_resized_within_its_bounds_and_removed_with_its_nodes() {
            addPool("big", Map.of("node_count", 1, "min_node_count", 1, "max_node_count", 3));
            awaitCluster("UPDATE_COMPLETE");
            Api.Response outside = v19.post("/v1/clusters/" + clusterId + "/actions/resize",
                    Map.of("node_count", 4, "nodegroup", "big"));
            assertThat(outside.status()).isEqualTo(400);
            assertThat(outside.detail()).contains("outside the allowed range", "max_node_count = 3");

            assertThat(v19.post("/v1/clusters/" + clusterId + "/actions/resize",
                    Map.of("node_count", 3, "nodegroup", "big")).status()).isEqualTo(202);
            Eventually.await("pool of three", Duration.ofSeconds(20), () -> v19.get(groups() + "/big").json(),
                    g -> g.get("status").asText().equals("UPDATE_COMPLETE") && g.get("node_addresses").size() == 3);
            assertThat(v19.get(groups() + "/default-worker").json().get("node_count").asInt())
                    .as("the default workers are untouched").isEqualTo(2);

            assertThat(v19.delete(groups() + "/big").status()).isEqualTo(204);
            awaitCluster("UPDATE_COMPLETE");
            assertThat(v19.get(groups() + "/big").status()).isEqualTo(404);
            assertThat(names(v19.get(groups()).json())).containsExactly("default-master", "default-worker");
        }

        @Test
        void the_role_filter_and_paging_work_over_defaults_and_pools() {
            addPool("big", Map.of());
            awaitCluster("UPDATE_COMPLETE");

            assertThat(names(v19.get(groups() + "?role=worker").json())).containsExactly("default-worker", "big");
            assertThat(names(v19.get(groups() + "?role=master").json())).containsExactly("default-master");
            JsonNode first = v19.get(groups() + "?limit=2").json();
            assertThat(names(first)).containsExactly("default-master", "default-worker");
            String next = first.get("next").asText();
            assertThat(next).contains("marker=" + first.get("nodegroups").get(1).get("uuid").asText());
            assertThat(names(v19.get(next.substring(next.indexOf("/v1/"))).json())).containsExactly("big");
            assertThat(names(v19.get(groups() + "?sort_key=name&sort_dir=desc").json()))
                    .containsExactly("default-worker", "default-master", "big");
        }

        @Test
        void patch_changes_only_the_bounds() {
            addPool("big", Map.of("node_count", 2));
            awaitCluster("UPDATE_COMPLETE");

            Api.Response bounded = v19.patch(groups() + "/big",
                    List.of(Map.of("op", "replace", "path", "/max_node_count", "value", 5)));
            assertThat(bounded.status()).as(bounded.toString()).isEqualTo(202);
            assertThat(bounded.json().get("max_node_count").asInt()).isEqualTo(5);
            Api.Response count = v19.patch(groups() + "/big",
                    List.of(Map.of("op", "replace", "path", "/node_count", "value", 3)));
            assertThat(count.status()).isEqualTo(400);
            assertThat(count.detail()).contains("/node_count");
            Api.Response belowCount = v19.patch(groups() + "/big",
                    List.of(Map.of("op", "replace", "path", "/max_node_count", "value", 1)));
            assertThat(belowCount.status()).isEqualTo(400);
            assertThat(belowCount.detail()).contains("node_count");
        }
    }

    @Nested
    class Refusals {

        @Test
        void a_second_group_of_the_same_name_is_a_conflict() {
            addPool("big", Map.of());
            awaitCluster("UPDATE_COMPLETE");

            Api.Response again = addPool("big", Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(addPool("default-worker", Map.of()).status()).isEqualTo(409);
        }

        @Test
        void errors_name_the_field_in_magnums_envelope() {
            Api.Response noName = v19.post(groups(), Map.of("node_count", 1));
            assertThat(noName.status()).isEqualTo(400);
            assertThat(noName.detail()).contains("name");
            Api.Response role = addPool("x", Map.of("role", "master"));
            assertThat(role.status()).isEqualTo(400);
            assertThat(role.detail()).contains("field/attribute role", "worker");
            Api.Response bounds = addPool("y", Map.of("node_count", 5, "max_node_count", 3));
            assertThat(bounds.detail()).contains("field/attribute node_count");
            Api.Response unknown = addPool("z", Map.of("colour", "red"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.detail()).contains("colour");
            Api.Response label = addPool("w", Map.of("labels", Map.of("test_label", "red")));
            assertThat(label.status()).isEqualTo(400);
            assertThat(label.detail()).contains("test_label");
            assertThat(label.json().get("errors").get(0).get("status").asInt()).isEqualTo(400);
        }

        @Test
        void masters_are_not_resized_and_an_unknown_group_is_not_found() {
            Api.Response masters = v19.post("/v1/clusters/" + clusterId + "/actions/resize",
                    Map.of("node_count", 3, "nodegroup", "default-master"));
            assertThat(masters.status()).isEqualTo(400);
            assertThat(v19.get(groups() + "/nope").status()).isEqualTo(404);
            assertThat(v19.post("/v1/clusters/" + clusterId + "/actions/resize",
                    Map.of("node_count", 3, "nodegroup", "nope")).status()).isEqualTo(404);
        }

        @Test
        void another_project_sees_no_groups_and_a_reader_only_looks() {
            Api theirs = stranger.withVersion("1.9");
            assertThat(theirs.get(groups()).status()).isEqualTo(404);
            assertThat(theirs.post(groups(), Map.of("name", "mine")).status()).isEqualTo(404);

            Api reader = server.api().as(project, "reader").withVersion("1.9");
            assertThat(reader.get(groups()).status()).isEqualTo(200);
            assertThat(reader.post(groups(), Map.of("name", "mine")).status()).isEqualTo(403);
            assertThat(reader.delete(groups() + "/default-worker").status()).isEqualTo(403);
            assertThat(reader.post("/v1/clusters/" + clusterId + "/actions/resize",
                    Map.of("node_count", 3, "nodegroup", "default-worker")).status()).isEqualTo(403);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
