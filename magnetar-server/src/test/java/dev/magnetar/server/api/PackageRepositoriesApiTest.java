package dev.magnetar.server.api;

import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DC/OS cluster's package repositories over real HTTP on the embedded default: the labels are
 * refused at API time with Magnum's 400 envelope, leaving nothing stored.
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
}
