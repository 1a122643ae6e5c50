package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.cluster;
import static dev.magnetar.server.support.Fixtures.template;
import static dev.magnetar.server.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterApiTest extends ApiTestBase {

    String templateId;

    @BeforeEach
    void aTemplate() {
        templateId = createTemplate(member, with(template("tmpl"), "labels", Map.of("test_label", "blue")));
    }

    JsonNode awaitStatus(Api as, String ident, String status) {
        return Eventually.await(ident + " " + status, Duration.ofSeconds(20),
                () -> as.get("/v1/clusters/" + ident).json(), c -> status.equals(c.path("status").asText()));
    }

    String createCluster(String name) {
        Api.Response accepted = member.post("/v1/clusters", cluster(name, templateId));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("uuid").asText();
    }

    @Nested
    class Create {

        @Test
        void answers_202_with_the_uuid_and_the_cluster_exists_at_once() {
            Api.Response accepted = member.post("/v1/clusters", cluster("c1", templateId));
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.json().fieldNames()).toIterable().containsExactly("uuid");
            Api.Response shown = member.get("/v1/clusters/" + accepted.json().get("uuid").asText());
            assertThat(shown.status()).isEqualTo(200);
        }

        @Test
        void reaches_create_complete_with_addresses_from_the_stack_outputs() {
            String uuid = createCluster("c1");
            JsonNode c = awaitStatus(member, uuid, "CREATE_COMPLETE");
            assertThat(c.get("stack_id").asText()).isNotBlank();
            assertThat(c.get("api_address").asText()).startsWith("https://").endsWith(":6443");
            assertThat(c.get("master_addresses")).hasSize(1);
            assertThat(c.get("node_addresses")).hasSize(1);
            assertThat(c.get("coe_version").asText()).isEqualTo("1.0");
            assertThat(c.get("cluster_template_id").asText()).isEqualTo(templateId);
            assertThat(c.get("labels")).isEqualTo(member.get("/v1/clustertemplates/" + templateId).json().get("labels"));
            assertThat(c.get("create_timeout").asInt()).isEqualTo(60);
            assertThat(c.get("faults")).isEmpty();
        }

        @Test
        void merges_labels_when_asked_and_reports_what_differs_from_the_template() {
            Map<String, Object> body = with(cluster("c1", templateId), "labels", Map.of("test_label", "green"));
            String uuid = member.post("/v1/clusters", body).json().get("uuid").asText();
            JsonNode c = member.get("/v1/clusters/" + uuid).json();
            assertThat(c.at("/labels/test_label").asText()).isEqualTo("green");
            assertThat(c.at("/labels_overridden/test_label").asText()).isEqualTo("blue");
            assertThat(c.get("labels_added")).isEmpty();
            assertThat(c.get("merge_labels").asBoolean()).isFalse();
            Map<String, Object> merged = with(with(cluster("c2", templateId), "labels", Map.of()), "merge_labels", true);
            JsonNode m = member.get("/v1/clusters/" + member.post("/v1/clusters", merged).json().get("uuid").asText()).json();
            assertThat(m.get("merge_labels").asBoolean()).isTrue();
            assertThat(m.at("/labels/test_label").asText()).as("template label kept").isEqualTo("blue");
        }

        @Test
        void refuses_a_bad_name_an_unknown_template_and_a_zero_node_count_before_1_10() {
            Api.Response badName = member.post("/v1/clusters", cluster("-bad name!", templateId));
            assertThat(badName.status()).isEqualTo(400);
            assertThat(badName.detail()).isEqualTo(
                    "Invalid input for field/attribute name. Value: '-bad name!'. Value should match the pattern ^[a-zA-Z][a-zA-Z0-9_.-]*$");
            Api.Response noTemplate = member.post("/v1/clusters", cluster("c", "no-such-template"));
            assertThat(noTemplate.status()).isEqualTo(400);
            assertThat(noTemplate.detail()).isEqualTo("ClusterTemplate no-such-template could not be found.");
            Api.Response zero = member.post("/v1/clusters", with(cluster("c", templateId), "node_count", 0));
            assertThat(zero.status()).isEqualTo(400);
            assertThat(zero.detail()).isEqualTo(
                    "Invalid input for field/attribute node_count. Value: '0'. Value should be greater or equal to 1");
            assertThat(member.withVersion("1.10").post("/v1/clusters", with(cluster("c", templateId), "node_count", 0))
                    .status()).isEqualTo(202);
        }

        @Test
        void refuses_a_label_the_driver_rejects_after_merging() {
            Api.Response refused = member.post("/v1/clusters",
                    with(with(cluster("c", templateId), "labels", Map.of("colour", "red")), "merge_labels", true));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("colour");
            assertThat(member.get("/v1/clusters").json().get("clusters")).isEmpty();
        }

        @Test
        void enforces_the_quota_on_clusters_and_bays_alike() {
            admin.post("/v1/quotas", Map.of("project_id", project, "resource", "Cluster", "hard_limit", 1));
            assertThat(member.post("/v1/clusters", cluster("one", templateId)).status()).isEqualTo(202);
            Api.Response cluster = member.post("/v1/clusters", cluster("two", templateId));
            assertThat(cluster.status()).isEqualTo(403);
            assertThat(cluster.detail()).isEqualTo(
                    "You have reached the maximum clusters per project, 1. You may delete a cluster to make room for a new one.");
            Api.Response bay = member.post("/v1/bays", Map.of("name", "three", "baymodel_id", templateId));
            assertThat(bay.status()).isEqualTo(403);
        }

        @Test
        void generates_names_and_uses_the_default_timeout_for_zero() {
            Api.Response accepted = member.post("/v1/clusters",
                    with(with(cluster(null, templateId), "name", null), "create_timeout", 0));
            JsonNode c = member.get("/v1/clusters/" + accepted.json().get("uuid").asText()).json();
            assertThat(c.get("name").asText()).matches("[a-z]+-\\d+-cluster");
            assertThat(c.get("create_timeout").asInt()).isEqualTo(60);
        }
    }

    @Nested
    class Read {

        @Test
        void lists_summaries_and_details() {
            String uuid = createCluster("c1");
            JsonNode summary = member.get("/v1/clusters").json().get("clusters").get(0);
            assertThat(summary.get("uuid").asText()).isEqualTo(uuid);
            assertThat(summary.has("status")).isTrue();
            assertThat(summary.has("api_address")).isFalse();
            JsonNode detail = member.get("/v1/clusters/detail").json().get("clusters").get(0);
            assertThat(detail.has("api_address")).isTrue();
        }

        @Test
        void lets_a_reader_look_but_not_touch() {
            String uuid = createCluster("mine");
            Api reader = server.api().as(project, "reader");
            assertThat(reader.get("/v1/clusters/" + uuid).status()).isEqualTo(200);
            Api.Response create = reader.post("/v1/clusters", cluster("theirs", templateId));
            assertThat(create.status()).isEqualTo(403);
            assertThat(create.detail()).isEqualTo("Policy doesn't allow cluster:create to be performed.");
            assertThat(reader.delete("/v1/clusters/" + uuid).status()).isEqualTo(403);
            assertThat(reader.post("/v1/clustertemplates", template("t")).status()).isEqualTo(403);
            assertThat(reader.delete("/v1/clustertemplates/" + templateId).status()).isEqualTo(403);
            assertThat(member.get("/v1/clusters/" + uuid).status()).isEqualTo(200);
        }

        @Test
        void keeps_clusters_within_their_project() {
            String uuid = createCluster("mine");
            assertThat(stranger.get("/v1/clusters/" + uuid).status()).isEqualTo(404);
            assertThat(stranger.delete("/v1/clusters/" + uuid).status()).isEqualTo(404);
            assertThat(server.api().as("elsewhere", "admin").get("/v1/clusters/" + uuid).status()).isEqualTo(200);
        }

        @Test
        void refuses_an_ambiguous_name() {
            createCluster("twin");
            createCluster("twin");
            Api.Response refused = member.get("/v1/clusters/twin");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.detail()).isEqualTo("Multiple clusters exist with same name. Please use the cluster uuid instead.");
        }
    }

    @Nested
    class Update {

        @Test
        void scales_node_count_with_a_patch_and_settles_update_complete() {
            String uuid = createCluster("c1");
            awaitStatus(member, uuid, "CREATE_COMPLETE");
            Api.Response accepted = member.patch("/v1/clusters/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/node_count", "value", 3)));
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.json().get("uuid").asText()).isEqualTo(uuid);
            JsonNode c = awaitStatus(member, uuid, "UPDATE_COMPLETE");
            assertThat(c.get("node_count").asInt()).isEqualTo(3);
            assertThat(c.get("node_addresses")).hasSize(3);
        }

        @Test
        void refuses_changing_anything_but_node_count() {
            String uuid = createCluster("c1");
            awaitStatus(member, uuid, "CREATE_COMPLETE");
            Api.Response refused = member.patch("/v1/clusters/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/name", "value", "other")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("cannot change cluster property(ies) name.");
            Api.Response internal = member.patch("/v1/clusters/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/api_address", "value", "x")));
            assertThat(internal.detail()).isEqualTo("'/api_address' is an internal attribute and can not be updated");
        }

        @Test
        void refuses_to_update_a_cluster_that_is_still_being_created() {
            // the stack never finishes creating, so the cluster is certainly still in CREATE_IN_PROGRESS
            String stall = server.simulator().faults().add(
                    new dev.magnetar.sim.Fault.StallResource("*", dev.magnetar.sim.Fault.Action.CREATE));
            try {
                String uuid = createCluster("c1");
                Api.Response refused = member.patch("/v1/clusters/" + uuid,
                        List.of(Map.of("op", "replace", "path", "/node_count", "value", 2)));
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.detail())
                        .isEqualTo("Updating a cluster when status is \"CREATE_IN_PROGRESS\" is not supported.");
            } finally {
                server.simulator().faults().remove(stall);
            }
        }

        @Test
        void resizes_at_1_7_removing_the_named_nodes() {
            String uuid = createCluster("c1");
            awaitStatus(member, uuid, "CREATE_COMPLETE");
            Api v17 = member.withVersion("1.7");
            assertThat(v17.post("/v1/clusters/" + uuid + "/actions/resize", Map.of("node_count", 3)).status())
                    .isEqualTo(202);
            JsonNode three = awaitStatus(member, uuid, "UPDATE_COMPLETE");
            String removed = three.get("node_addresses").get(1).asText();
            Api.Response shrink = v17.post("/v1/clusters/" + uuid + "/actions/resize",
                    Map.of("node_count", 2, "nodes_to_remove", List.of("1")));
            assertThat(shrink.status()).isEqualTo(202);
            JsonNode two = Eventually.await("two nodes", Duration.ofSeconds(20), () -> member.get("/v1/clusters/" + uuid).json(),
                    c -> c.get("status").asText().equals("UPDATE_COMPLETE") && c.get("node_count").asInt() == 2
                            && c.get("node_addresses").size() == 2);
            assertThat(two.get("node_addresses").toString()).doesNotContain(removed);
        }

        @Test
        void refuses_resize_below_microversion_1_7() {
            String uuid = createCluster("c1");
            Api.Response refused = member.withVersion("1.6").post("/v1/clusters/" + uuid + "/actions/resize",
                    Map.of("node_count", 3));
            assertThat(refused.status()).isEqualTo(406);
        }
    }

    @Nested
    class Delete {

        @Test
        void answers_204_and_the_cluster_disappears_once_the_stack_is_gone() {
            String uuid = createCluster("c1");
            awaitStatus(member, uuid, "CREATE_COMPLETE");
            assertThat(member.delete("/v1/clusters/" + uuid).status()).isEqualTo(204);
            Eventually.await("cluster gone", Duration.ofSeconds(20), () -> member.get("/v1/clusters/" + uuid).status(),
                    status -> status == 404);
        }

        @Test
        void deletes_a_cluster_whose_create_never_reached_the_orchestrator() {
            String uuid = createCluster("c1");
            assertThat(member.delete("/v1/clusters/" + uuid).status()).isEqualTo(204);
            Eventually.await("cluster gone", Duration.ofSeconds(20), () -> member.get("/v1/clusters/" + uuid).status(),
                    status -> status == 404);
        }
    }

    @Nested
    class Bays {

        @Test
        void answer_201_with_the_full_bay_at_1_1_and_202_later() {
            Api.Response v11 = member.post("/v1/bays", Map.of("name", "b1", "baymodel_id", templateId));
            assertThat(v11.status()).isEqualTo(201);
            assertThat(v11.json().get("baymodel_id").asText()).isEqualTo(templateId);
            assertThat(v11.json().has("bay_create_timeout")).isTrue();
            assertThat(v11.json().has("keypair")).isFalse();
            Api.Response v12 = member.withVersion("1.2").post("/v1/bays", Map.of("name", "b2", "baymodel_id", templateId));
            assertThat(v12.status()).isEqualTo(202);
            assertThat(v12.json().fieldNames()).toIterable().containsExactly("uuid");
        }

        @Test
        void refuse_cluster_only_fields() {
            Api.Response refused = member.post("/v1/bays", Map.of("name", "b", "baymodel_id", templateId, "flavor_id", "m1.small"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("Unknown attribute for argument bay: flavor_id");
        }

        @Test
        void show_bay_faults_when_the_stack_fails() {
            server.simulator().faults().add(dev.magnetar.sim.Fault.FailResource.on("nodes/*/ready", dev.magnetar.sim.Fault.Action.CREATE, "node never signalled: disk full"));
            try {
                String uuid = member.withVersion("1.2").post("/v1/bays", Map.of("name", "broken", "baymodel_id", templateId))
                        .json().get("uuid").asText();
                JsonNode bay = Eventually.await("bay failed", Duration.ofSeconds(20), () -> member.get("/v1/bays/" + uuid).json(),
                        b -> b.get("status").asText().equals("CREATE_FAILED"));
                assertThat(bay.get("status_reason").asText()).contains("disk full");
                assertThat(bay.get("bay_faults").toString()).contains("disk full");
            } finally {
                server.simulator().faults().clear();
            }
        }
    }
}
