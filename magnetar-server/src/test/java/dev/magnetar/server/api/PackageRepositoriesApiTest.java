package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.Eventually;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DC/OS cluster's package repositories over real HTTP on the embedded default: the labels are
 * refused at API time with Magnum's 400 envelope, leaving nothing stored; a valid list is what the
 * simulated Cosmos lists once the cluster is complete, a cluster update of the label changes that list
 * without a stack update, and a repository fault shows under the health reason {@code universe}.
 */
class PackageRepositoriesApiTest {

    static TestServer server;

    Api member;
    String project;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(Option.MONITOR_INTERVAL, "1", Option.MONITOR_REQUEST_TIMEOUT, "400"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aProject() {
        project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        member = server.api().as(project, "member");
    }

    Map<String, Object> template(Map<String, String> labels) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "dcos-" + UUID.randomUUID().toString().substring(0, 6));
        template.put("coe", "dcos");
        template.put("image_id", "dcos-centos-7.2");
        template.put("keypair_id", "testkey");
        template.put("external_network_id", "public");
        template.put("flavor_id", "m1.small");
        template.put("labels", labels);
        return template;
    }

    String createTemplate(Map<String, String> labels) {
        Api.Response created = member.post("/v1/clustertemplates", template(labels));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("uuid").asText();
    }

    Api.Response createCluster(String templateId, Map<String, String> labels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "c" + UUID.randomUUID().toString().substring(0, 6));
        body.put("cluster_template_id", templateId);
        body.put("node_count", 1);
        body.put("labels", labels);
        body.put("merge_labels", true);
        return member.post("/v1/clusters", body);
    }

    @Nested
    class Validation {

        @Test
        void a_template_with_a_broken_repository_list_is_a_400_naming_the_label_and_each_rule_and_is_not_stored() {
            Api.Response refused = member.post("/v1/clustertemplates", template(Map.of("dcos_package_repositories",
                    "mirror=ftp://mirror.example/repo;mirror=https://mirror.example/repo")));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("client");
            assertThat(refused.detail()).contains("label 'dcos_package_repositories'")
                    .contains("repository 'mirror' URL 'ftp://mirror.example/repo' must be an http:// or https:// URL")
                    .contains("repository name 'mirror' is listed twice");
            assertThat(member.get("/v1/clustertemplates").json().get("clustertemplates")).isEmpty();
        }

        @Test
        void a_cluster_whose_merged_labels_break_a_repository_rule_is_a_400_and_is_not_stored() {
            String templateId = createTemplate(Map.of("dcos_package_repositories", "mirror=https://mirror.example/repo"));

            Api.Response refused = createCluster(templateId, Map.of("dcos_package_repositories_keep_default", "true",
                    "dcos_package_repositories", "Universe=https://mirror.example/repo"));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.detail()).contains("label 'dcos_package_repositories'")
                    .contains("collides with DC/OS's public Universe");
            assertThat(member.get("/v1/clusters").json().get("clusters")).isEmpty();
        }
    }

    JsonNode awaitCluster(String uuid, String what, java.util.function.Predicate<JsonNode> until) {
        return Eventually.await(uuid + " " + what, Duration.ofSeconds(20),
                () -> member.get("/v1/clusters/" + uuid).json(), until);
    }

    /**
     * HEALTHY with nothing noted: the first poll after create may run out of its (short, in these tests)
     * budget while applying the repositories, and the next one finishes the job.
     */
    JsonNode awaitHealthy(String uuid) {
        return awaitCluster(uuid, "HEALTHY", c -> "HEALTHY".equals(c.path("health_status").asText())
                && c.path("health_status_reason").isEmpty());
    }

    @Nested
    class OnARunningCluster {

        String uuid;

        @BeforeEach
        void aClusterWithTwoRepositories() {
            String templateId = createTemplate(Map.of("dcos_package_repositories",
                    "mirror=https://mirror.example/repo;team=http://10.0.0.9:8080/repo"));
            Api.Response accepted = createCluster(templateId, Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            uuid = accepted.json().get("uuid").asText();
        }

        @Test
        void aClusterWithALocalUniverseOnItsBootstrapServerAndAMirrorCompletesHealthyListingExactlyThose() {
            String templateId = createTemplate(Map.of("dcos_local_universe_url", "/opt/dcos/universe/repo.json",
                    "dcos_package_repositories", "mirror=https://mirror.example/repo"));
            String local = createCluster(templateId, Map.of()).json().get("uuid").asText();

            JsonNode cluster = awaitHealthy(local);

            assertThat(cluster.get("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(cluster.get("health_status_reason")).isEmpty();
            assertThat(server.dcos().repositories(local)).containsExactly(
                    "local-universe=http://10.0.0.4:8086/universe/repo.json", "mirror=https://mirror.example/repo");
        }

        @Test
        void completesHealthyWithCosmosListingExactlyTheAskedRepositories() {
            JsonNode cluster = awaitHealthy(uuid);

            assertThat(cluster.get("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(cluster.get("health_status_reason")).isEmpty();
            assertThat(server.dcos().repositories(uuid)).containsExactly("mirror=https://mirror.example/repo",
                    "team=http://10.0.0.9:8080/repo");
        }

        @Test
        void aLabelUpdateChangesTheListWithoutAStackUpdate() {
            JsonNode before = awaitHealthy(uuid);
            String stackName = before.get("name").asText() + "-" + uuid.replace("-", "").substring(0, 12);

            Api.Response patched = member.patch("/v1/clusters/" + uuid, List.of(Map.of("op", "replace",
                    "path", "/labels/dcos_package_repositories", "value", "team=http://10.0.0.9:8080/repo;"
                            + "tools=https://tools.example/repo"),
                    Map.of("op", "add", "path", "/labels/dcos_package_repositories_keep_default", "value", "true")));
            Eventually.await("Cosmos lists the new repositories", Duration.ofSeconds(20),
                    () -> server.dcos().repositories(uuid), list -> list.size() == 3);

            assertThat(patched.status()).as(patched.toString()).isEqualTo(202);
            assertThat(server.dcos().repositories(uuid)).containsExactly("team=http://10.0.0.9:8080/repo",
                    "tools=https://tools.example/repo", "Universe=https://universe.mesosphere.com/repo");
            JsonNode after = member.get("/v1/clusters/" + uuid).json();
            assertThat(after.get("status").asText()).isEqualTo("CREATE_COMPLETE");
            assertThat(after.get("labels").get("dcos_package_repositories").asText())
                    .isEqualTo("team=http://10.0.0.9:8080/repo;tools=https://tools.example/repo");
            assertThat(server.simulator().find(stackName, StackCredential.NONE).orElseThrow().status())
                    .as("no stack update").hasToString("CREATE_COMPLETE");
            assertThat(member.get("/v1/clusters/" + uuid + "/events").json().get("events").findValuesAsText("kind"))
                    .contains("labels_changed").doesNotContain("scaled");
        }

        @Test
        void aLabelFixedAtCreateOrABrokenRepositoryListIsRefusedAndNothingChanges() {
            awaitHealthy(uuid);

            Api.Response fixed = member.patch("/v1/clusters/" + uuid, List.of(Map.of("op", "add",
                    "path", "/labels/dcos_overlay_mtu", "value", "1300")));
            Api.Response broken = member.patch("/v1/clusters/" + uuid, List.of(Map.of("op", "replace",
                    "path", "/labels/dcos_package_repositories", "value", "team=ftp://10.0.0.9/repo")));

            assertThat(fixed.status()).as(fixed.toString()).isEqualTo(400);
            assertThat(fixed.detail()).contains("cannot change label(s) dcos_overlay_mtu of an existing cluster");
            assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
            assertThat(broken.detail()).contains("label 'dcos_package_repositories'")
                    .contains("must be an http:// or https:// URL");
            assertThat(member.get("/v1/clusters/" + uuid).json().get("labels").get("dcos_package_repositories")
                    .asText()).isEqualTo("mirror=https://mirror.example/repo;team=http://10.0.0.9:8080/repo");
        }

        @Test
        void aRepositoryFaultIsNamedUnderUniverseWhileTheClusterStaysHealthy() {
            awaitHealthy(uuid);
            Api admin = server.api().as(project, "admin");

            Api.Response fault = admin.send("PUT", "/v1/simulation/dcos/" + uuid + "/faults",
                    Map.of("unreachable_repositories", List.of("team")));
            JsonNode noted = awaitCluster(uuid, "universe reason", c -> c.path("health_status_reason").path("universe")
                    .asText().startsWith("repository 'team' unreachable"));

            assertThat(fault.status()).as(fault.toString()).isEqualTo(200);
            assertThat(noted.get("health_status").asText()).isEqualTo("HEALTHY");
            assertThat(noted.get("health_status_reason").get("universe").asText())
                    .startsWith("repository 'team' unreachable");
        }
    }
}
