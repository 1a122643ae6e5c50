package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.service.LabelSecrets;
import dev.magnetar.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret labels (the DC/OS driver's {@code aws_secret_access_key}, {@code exhibitor_azure_account_key}:
 * schema type {@code secret}) on a public template: their values are shown to the template's
 * project and to admins only, masked as {@value LabelSecrets#MASK} for everyone else, the same in
 * show, list, detail, the legacy baymodel and bay views and clusters that inherit them, and never
 * rendered into another project's preview.
 */
class SecretLabelsApiTest extends ApiTestBase {

    private static final String MASK = LabelSecrets.MASK;

    /** The template's project: a member and a caller with only the reader role. */
    Api owner;
    Api ownerReader;
    /** Another project: a member and a reader. */
    Api otherReader;
    /** An admin of yet another project. */
    Api otherAdmin;
    String canary;
    String templateId;

    @BeforeEach
    void aPublicDcosTemplateWithAnAwsSecret() {
        owner = member;
        ownerReader = server.api().as(project, "reader");
        otherReader = server.api().as(project + "x", "reader");
        otherAdmin = server.api().as(project + "-ops", "admin");
        canary = "canary-" + UUID.randomUUID();
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "s3-" + project);
        template.put("coe", "dcos");
        template.put("image_id", "dcos-centos-7.2");
        template.put("keypair_id", "testkey");
        template.put("external_network_id", "public");
        template.put("flavor_id", "m1.small");
        template.put("public", true);
        template.put("labels", Map.of("exhibitor_storage_backend", "aws_s3", "aws_region", "us-west-2",
                "s3_bucket", "magnetar-exhibitor", "s3_prefix", "prod", "exhibitor_explicit_keys", "true",
                "aws_access_key_id", "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key", canary));
        templateId = createTemplate(admin, template);
    }

    private static String secretOf(JsonNode view) {
        return view.path("labels").path("aws_secret_access_key").asText();
    }

    private JsonNode entry(Api.Response list, String collection) {
        for (JsonNode item : list.json().path(collection)) {
            if (templateId.equals(item.path("uuid").asText())) {
                return item;
            }
        }
        throw new AssertionError("template " + templateId + " not in " + list);
    }

    @Nested
    class Templates {

        @Test
        void show_gives_the_value_to_the_owning_project_and_admins_and_the_mask_to_everyone_else() {
            assertThat(secretOf(owner.get("/v1/clustertemplates/" + templateId).json())).isEqualTo(canary);
            assertThat(secretOf(admin.get("/v1/clustertemplates/" + templateId).json())).isEqualTo(canary);
            assertThat(secretOf(otherAdmin.get("/v1/clustertemplates/" + templateId).json())).isEqualTo(canary);

            for (Api caller : new Api[] {stranger, otherReader, ownerReader}) {
                Api.Response shown = caller.get("/v1/clustertemplates/" + templateId);
                assertThat(shown.status()).isEqualTo(200);
                assertThat(secretOf(shown.json())).isEqualTo(MASK);
                assertThat(shown.body()).doesNotContain(canary);
            }
        }

        @Test
        void only_secret_labels_are_masked() {
            JsonNode labels = stranger.get("/v1/clustertemplates/" + templateId).json().path("labels");

            assertThat(labels.path("aws_access_key_id").asText()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
            assertThat(labels.path("s3_bucket").asText()).isEqualTo("magnetar-exhibitor");
            assertThat(labels.size()).isEqualTo(7);
        }

        @Test
        void lists_mask_it_for_other_projects_in_both_collections() {
            for (String path : new String[] {"/v1/clustertemplates", "/v1/clustertemplates/detail"}) {
                Api.Response listed = stranger.get(path + "?limit=1000");
                assertThat(secretOf(entry(listed, "clustertemplates"))).as(path).isEqualTo(MASK);
                assertThat(listed.body()).as(path).doesNotContain(canary);

                assertThat(secretOf(entry(owner.get(path + "?limit=1000"), "clustertemplates"))).as(path)
                        .isEqualTo(canary);
            }
        }

        @Test
        void a_list_the_owning_projects_member_was_given_is_not_given_to_its_reader() {
            for (String path : new String[] {"/v1/clustertemplates", "/v1/clustertemplates/detail"}) {
                assertThat(secretOf(entry(owner.get(path + "?limit=1000"), "clustertemplates"))).as(path)
                        .isEqualTo(canary);

                Api.Response readersList = ownerReader.get(path + "?limit=1000");
                assertThat(secretOf(entry(readersList, "clustertemplates"))).as(path).isEqualTo(MASK);
                assertThat(readersList.body()).as(path).doesNotContain(canary);
            }
        }

        @Test
        void legacy_baymodels_mask_it_the_same_way() {
            Api.Response shown = stranger.get("/v1/baymodels/" + templateId);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(secretOf(shown.json())).isEqualTo(MASK);
            Api.Response listed = stranger.get("/v1/baymodels/detail?limit=1000");
            assertThat(secretOf(entry(listed, "baymodels"))).isEqualTo(MASK);
            assertThat(shown.body() + listed.body()).doesNotContain(canary);

            assertThat(secretOf(owner.get("/v1/baymodels/" + templateId).json())).isEqualTo(canary);
            assertThat(secretOf(otherAdmin.get("/v1/baymodels/" + templateId).json())).isEqualTo(canary);
        }

        @Test
        void the_owner_can_still_patch_other_labels_without_the_secret_being_lost() {
            Api.Response patched = admin.patch("/v1/clustertemplates/" + templateId,
                    java.util.List.of(Map.of("op", "replace", "path", "/labels/s3_prefix", "value", "staging")));
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

            assertThat(secretOf(owner.get("/v1/clustertemplates/" + templateId).json())).isEqualTo(canary);
        }

        @Test
        void the_mask_is_refused_as_a_value_for_a_new_template() {
            Map<String, Object> copy = new LinkedHashMap<>(Map.of("name", "copied", "coe", "dcos",
                    "image_id", "dcos-centos-7.2", "keypair_id", "testkey", "external_network_id", "public",
                    "flavor_id", "m1.small"));
            Map<String, String> labels = new LinkedHashMap<>();
            stranger.get("/v1/clustertemplates/" + templateId).json().path("labels")
                    .fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            copy.put("labels", labels);

            Api.Response refused = stranger.post("/v1/clustertemplates", copy);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("aws_secret_access_key").contains(MASK);
        }
    }

    @Nested
    class Clusters {

        private String createCluster(Api as, Map<String, String> labels) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "c" + UUID.randomUUID().toString().substring(0, 6));
            body.put("cluster_template_id", templateId);
            body.put("node_count", 1);
            if (!labels.isEmpty()) {
                body.put("labels", labels);
                body.put("merge_labels", true);
            }
            Api.Response accepted = as.post("/v1/clusters", body);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            return accepted.json().path("uuid").asText();
        }

        @Test
        void a_cluster_of_another_project_inherits_the_secret_but_its_project_sees_the_mask() {
            String uuid = createCluster(stranger, Map.of());

            Api.Response shown = stranger.get("/v1/clusters/" + uuid);
            assertThat(secretOf(shown.json())).isEqualTo(MASK);
            assertThat(shown.body()).doesNotContain(canary);
            Api.Response listed = stranger.get("/v1/clusters?limit=1000");
            Api.Response detailed = stranger.get("/v1/clusters/detail?limit=1000");
            Api.Response bay = stranger.get("/v1/bays/" + uuid);
            assertThat(bay.status()).isEqualTo(200);
            assertThat(secretOf(bay.json())).isEqualTo(MASK);
            assertThat(listed.body() + detailed.body() + bay.body()).contains(MASK).doesNotContain(canary);

            assertThat(secretOf(otherAdmin.get("/v1/clusters/" + uuid).json()))
                    .as("admins read every value").isEqualTo(canary);
        }

        @Test
        void a_value_the_clusters_project_gave_itself_is_shown_to_it_and_the_templates_stays_masked() {
            String uuid = createCluster(stranger, Map.of("aws_secret_access_key", "our-own-secret"));

            JsonNode cluster = stranger.get("/v1/clusters/" + uuid).json();

            assertThat(secretOf(cluster)).isEqualTo("our-own-secret");
            assertThat(cluster.path("labels_overridden").path("aws_secret_access_key").asText()).isEqualTo(MASK);
            assertThat(otherReader.get("/v1/clusters/" + uuid).json().path("labels").path("aws_secret_access_key")
                    .asText()).as("a reader of that project reads no secret").isEqualTo(MASK);
        }

        @Test
        void the_owning_projects_own_clusters_show_the_value_to_its_members() {
            String uuid = createCluster(owner, Map.of());

            assertThat(secretOf(owner.get("/v1/clusters/" + uuid).json())).isEqualTo(canary);
            assertThat(secretOf(ownerReader.get("/v1/clusters/" + uuid).json())).isEqualTo(MASK);
        }

        @Test
        void a_refused_cluster_names_an_inherited_secret_label_without_its_value() {
            Api.Response refused = stranger.post("/v1/clusters", Map.of("name", "static",
                    "cluster_template_id", templateId, "node_count", 1, "merge_labels", true,
                    "labels", Map.of("exhibitor_storage_backend", "static")));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("aws_secret_access_key").contains("secret value not shown");
            assertThat(refused.body()).doesNotContain(canary);
        }

        @Test
        void the_mask_copied_from_a_view_is_refused_as_a_cluster_label() {
            Api.Response refused = stranger.post("/v1/clusters", Map.of("name", "copied",
                    "cluster_template_id", templateId, "node_count", 1, "merge_labels", true,
                    "labels", Map.of("aws_secret_access_key", MASK)));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("aws_secret_access_key").contains("leave the label out");
        }
    }

    @Nested
    class Previews {

        private Api.Response preview(Api as, Map<String, String> labels) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "preview");
            body.put("cluster_template_id", templateId);
            body.put("node_count", 1);
            if (!labels.isEmpty()) {
                body.put("labels", labels);
                body.put("merge_labels", true);
            }
            return as.post("/v1/clusters/preview", body);
        }

        @Test
        void another_project_is_refused_a_preview_that_would_render_the_secret() {
            Api.Response refused = preview(stranger, Map.of());

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.detail()).contains("aws_secret_access_key").contains("merge_labels");
            assertThat(refused.body()).doesNotContain(canary);
        }

        @Test
        void with_its_own_value_for_the_secret_another_project_gets_its_preview() {
            Api.Response rendered = preview(stranger, Map.of("aws_secret_access_key", "our-own-secret"));

            assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
            assertThat(rendered.body()).contains("our-own-secret").doesNotContain(canary);
        }

        @Test
        void the_owning_project_and_admins_preview_with_the_value_and_readers_are_refused() {
            Api.Response own = preview(owner, Map.of());
            assertThat(own.status()).as(own.toString()).isEqualTo(200);
            assertThat(own.body()).contains(canary);
            assertThat(preview(otherAdmin, Map.of()).status()).isEqualTo(200);

            Api.Response reader = preview(ownerReader, Map.of());
            assertThat(reader.status()).isEqualTo(403);
            assertThat(reader.body()).doesNotContain(canary);
        }
    }
}
