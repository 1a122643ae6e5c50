package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.cluster;
import static dev.magnetar.server.support.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTest extends ApiTestBase {

    @Nested
    class Mservices {

        @Test
        void lists_this_conductor_as_up_for_admins() {
            JsonNode services = Eventually.await("a heartbeat", Duration.ofSeconds(10),
                    () -> admin.get("/v1/mservices").json().get("mservices"),
                    list -> list.size() > 0 && list.get(0).get("report_count").asInt() > 0);
            JsonNode conductor = services.get(0);
            assertThat(conductor.get("binary").asText()).as("Magnum's name: the service is a drop-in")
                    .isEqualTo("magnum-conductor");
            assertThat(conductor.get("magnetar_binary").asText()).isEqualTo("magnetar-conductor");
            assertThat(conductor.get("state").asText()).isEqualTo("up");
            assertThat(conductor.get("last_seen_up").asText()).isNotBlank();
        }

        @Test
        void are_refused_to_non_admins() {
            Api.Response refused = member.get("/v1/mservices");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.detail()).isEqualTo("Policy doesn't allow magnum-service:get_all to be performed.");
        }
    }

    @Nested
    class Stats {

        @Test
        void count_the_callers_clusters_and_their_nodes() {
            String template = createTemplate(member, template("t"));
            member.post("/v1/clusters", cluster("a", template));
            member.post("/v1/clusters", Map.of("name", "b", "cluster_template_id", template, "node_count", 3));
            JsonNode stats = member.get("/v1/stats").json();
            assertThat(stats.get("clusters").asInt()).isEqualTo(2);
            assertThat(stats.get("nodes").asInt()).isEqualTo(1 + 1 + 3 + 1);
        }

        @Test
        void refuse_other_projects_and_unknown_types() {
            assertThat(member.get("/v1/stats?project_id=someone-else").status()).isEqualTo(403);
            Api.Response type = member.get("/v1/stats?type=node");
            assertThat(type.status()).isEqualTo(400);
            assertThat(type.detail()).isEqualTo("Invalid stats type. Allowed values are 'cluster'");
            assertThat(admin.get("/v1/stats?project_id=someone-else").status()).isEqualTo(200);
        }
    }

    @Nested
    class Quotas {

        @Test
        void can_be_created_shown_updated_listed_and_deleted_by_admins() {
            Api.Response created = admin.post("/v1/quotas", Map.of("project_id", project, "resource", "Cluster", "hard_limit", 5));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("hard_limit").asInt()).isEqualTo(5);
            assertThat(member.get("/v1/quotas/" + project + "/Cluster").json().get("hard_limit").asInt()).isEqualTo(5);
            Api.Response updated = admin.patch("/v1/quotas/" + project + "/Cluster",
                    Map.of("project_id", project, "resource", "Cluster", "hard_limit", 7));
            assertThat(updated.status()).isEqualTo(202);
            assertThat(updated.json().get("hard_limit").asInt()).isEqualTo(7);
            assertThat(admin.get("/v1/quotas?all_tenants=true").json().get("quotas").findValuesAsText("project_id"))
                    .contains(project);
            assertThat(admin.delete("/v1/quotas/" + project + "/Cluster").status()).isEqualTo(204);
            assertThat(admin.get("/v1/quotas/" + project + "/Cluster").status()).isEqualTo(404);
        }

        @Test
        void refuse_duplicates_non_admins_and_bad_values() {
            admin.post("/v1/quotas", Map.of("project_id", project, "resource", "Cluster", "hard_limit", 5));
            Api.Response duplicate = admin.post("/v1/quotas", Map.of("project_id", project, "resource", "Cluster"));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.detail()).isEqualTo("Quota for project " + project + " already exists for resource Cluster.");
            assertThat(member.post("/v1/quotas", Map.of("project_id", project, "hard_limit", 9)).status()).isEqualTo(403);
            assertThat(admin.post("/v1/quotas", Map.of("project_id", project + "2", "resource", "Pods")).status())
                    .isEqualTo(400);
            assertThat(admin.post("/v1/quotas", Map.of("resource", "Cluster")).detail())
                    .isEqualTo("Must provide a valid project ID.");
            assertThat(stranger.get("/v1/quotas/" + project + "/Cluster").status()).isEqualTo(403);
        }
    }
}
