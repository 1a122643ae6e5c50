package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.cluster;
import static dev.magnetar.server.support.Fixtures.template;
import static dev.magnetar.server.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterTemplateApiTest extends ApiTestBase {

    /** Lists are kept as rendered until a template is written (RenderedLists); never stale, never another's. */
    @Nested
    class RenderedListing {

        private List<Map<String, Object>> rename(String name) {
            return List.of(Map.of("op", "replace", "path", "/name", "value", name));
        }

        @Test
        void an_unchanged_list_keeps_its_entity_tag_and_is_not_sent_again_to_a_client_that_has_it() {
            createTemplate(member, template("first"));
            Api.Response list = member.get("/v1/clustertemplates");
            Api.Response again = member.get("/v1/clustertemplates");

            assertThat(list.status()).isEqualTo(200);
            assertThat(list.header("ETag")).matches("\"[A-Za-z0-9_-]+\"");
            assertThat(again.header("ETag")).isEqualTo(list.header("ETag"));
            assertThat(again.body()).isEqualTo(list.body());
            assertThat(list.header("Content-Type")).startsWith("application/json");

            Api.Response notModified = member.withHeader("If-None-Match", list.header("ETag")).get("/v1/clustertemplates");
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.header("ETag")).isEqualTo(list.header("ETag"));
            assertThat(member.withHeader("If-None-Match", "\"other\"").get("/v1/clustertemplates").status())
                    .isEqualTo(200);
        }

        @Test
        void every_write_shows_in_the_next_list_with_a_new_entity_tag() {
            String uuid = createTemplate(member, template("before"));
            Api.Response created = member.get("/v1/clustertemplates");
            assertThat(own(created, "clustertemplates", "name", project)).containsExactly("before");

            assertThat(member.patch("/v1/clustertemplates/" + uuid, rename("after")).status()).isEqualTo(200);
            Api.Response renamed = member.withHeader("If-None-Match", created.header("ETag")).get("/v1/clustertemplates");
            assertThat(renamed.status()).as("the old tag no longer matches").isEqualTo(200);
            assertThat(own(renamed, "clustertemplates", "name", project)).containsExactly("after");

            String second = createTemplate(member, template("second"));
            assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "name", project))
                    .containsExactly("after", "second");

            assertThat(member.delete("/v1/clustertemplates/" + uuid).status()).isEqualTo(204);
            Api.Response deleted = member.get("/v1/clustertemplates");
            assertThat(own(deleted, "clustertemplates", "uuid", project)).containsExactly(second);
            assertThat(deleted.header("ETag")).isNotIn(created.header("ETag"), renamed.header("ETag"));
        }

        @Test
        void a_rendering_is_never_served_to_a_caller_who_may_see_other_rows() {
            String mine = createTemplate(member, template("private"));
            assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).containsExactly(mine);

            // The same URL, right after: another project does not see the private template...
            Api.Response strangers = stranger.get("/v1/clustertemplates");
            assertThat(strangers.json().get("clustertemplates").findValuesAsText("uuid")).doesNotContain(mine);
            // ...and the tag the member holds gets the stranger the stranger's own list, not a 304.
            Api.Response tagged = stranger.withHeader("If-None-Match", member.get("/v1/clustertemplates").header("ETag"))
                    .get("/v1/clustertemplates");
            assertThat(tagged.status()).isEqualTo(200);
            // An admin of another project sees every project's templates.
            assertThat(server.api().as(project + "-admin", "admin").get("/v1/clustertemplates?limit=1000")
                    .json().get("clustertemplates").findValuesAsText("uuid")).contains(mine);
        }

        @Test
        void the_legacy_name_detail_and_paging_are_rendered_apart() {
            createTemplate(member, template("a"));
            createTemplate(member, template("b"));
            member.get("/v1/clustertemplates");

            assertThat(member.get("/v1/baymodels").json().has("baymodels")).isTrue();
            assertThat(member.get("/v1/clustertemplates/detail").json().has("clustertemplates")).isTrue();
            assertThat(member.get("/clustertemplates").json().get("clustertemplates").get(0).get("links").get(0)
                    .get("href").asText()).contains("/v1/clustertemplates/");
            assertThat(own(member.get("/v1/clustertemplates?limit=1&sort_key=name&sort_dir=desc"), "clustertemplates",
                    "name", project)).hasSizeLessThanOrEqualTo(1);
            assertThat(member.get("/v1/clustertemplates?limit=1").json().get("clustertemplates")).hasSize(1);
            assertThat(member.get("/v1/clustertemplates?limit=x").status()).isEqualTo(400);
        }
    }

    @Nested
    class Create {

        @Test
        void answers_201_with_location_and_the_full_template_with_magnums_defaults() {
            Api.Response created = member.post("/v1/clustertemplates", template("k8s"));
            assertThat(created.status()).isEqualTo(201);
            JsonNode t = created.json();
            assertThat(created.header("Location")).isEqualTo(server.url() + "/v1/clustertemplates/" + t.get("uuid").asText());
            assertThat(t.get("name").asText()).isEqualTo("k8s");
            assertThat(t.get("cluster_distro").asText()).isEqualTo("fedora-coreos");
            assertThat(t.get("network_driver").asText()).as("driver default").isEqualTo("flannel");
            assertThat(t.get("server_type").asText()).isEqualTo("vm");
            assertThat(t.get("public").asBoolean()).isFalse();
            assertThat(t.get("floating_ip_enabled").asBoolean()).isTrue();
            assertThat(t.get("tls_disabled").asBoolean()).isFalse();
            assertThat(t.get("project_id").asText()).isEqualTo(project);
            assertThat(t.get("driver").asText()).isEqualTo("test_driver_v1");
            assertThat(t.get("links").get(0).get("href").asText()).endsWith("/v1/clustertemplates/" + t.get("uuid").asText());
            assertThat(t.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
            assertThat(t.get("updated_at").isNull()).isTrue();
        }

        @Test
        void accepts_cluster_distro_as_magnums_clients_send_it_and_sets_it_from_the_image() {
            for (String collection : new String[] {"clustertemplates", "baymodels"}) {
                for (Object given : new Object[] {null, "ubuntu"}) {
                    Map<String, Object> body = new LinkedHashMap<>(template("distro-" + given));
                    body.put("cluster_distro", given); // sent as JSON null too, as the tempest plugin does
                    Api.Response created = member.post("/v1/" + collection, body);
                    assertThat(created.status()).as(collection + " with cluster_distro " + given).isEqualTo(201);
                    assertThat(created.json().get("cluster_distro").asText()).isEqualTo("fedora-coreos");
                }
            }
            Api.Response refused = member.post("/v1/clustertemplates", with(template("distro-5"), "cluster_distro", 5));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).contains("cluster_distro");
        }

        @Test
        void generates_a_name_when_none_is_given() {
            JsonNode t = member.post("/v1/clustertemplates", with(template(null), "name", null)).json();
            assertThat(t.get("name").asText()).matches("[a-z]+-\\d+-template");
        }

        @Test
        void accepts_a_duplicate_name_but_then_refuses_to_guess_which_one_is_meant() {
            createTemplate(member, template("twin"));
            createTemplate(member, template("twin"));
            Api.Response show = member.get("/v1/clustertemplates/twin");
            assertThat(show.status()).isEqualTo(409);
            assertThat(show.detail()).isEqualTo(
                    "Multiple ClusterTemplates exist with same name. Please use the ClusterTemplate uuid instead.");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "unknown field      | foo                 | bar           | Unknown attribute for argument cluster_template: foo",
                "unknown coe        | coe                 | nomad         | Invalid input for field/attribute coe. Value: 'nomad'. Value should be one of: kubernetes, swarm, swarm-mode, mesos, dcos",
                "coe without driver | coe                 | swarm         | Requested COE type swarm is not supported.",
                "unknown image      | image_id            | no-such-image | Image no-such-image could not be found.",
                "image w/o distro   | image_id            | no-distro-image | Image no-distro-image doesn't contain os_distro field.",
                "unsupported type   | image_id            | ubuntu-mesos  | Cluster type (vm, ubuntu, kubernetes) not supported.",
                "bad server type    | server_type         | vx            | Invalid input for field/attribute server_type. Value: 'vx'. Value should be one of: vm, bm",
                "network driver     | network_driver      | weave         | Network driver type weave is not supported, expecting a calico/flannel/unspecified network driver.",
                "volume driver      | volume_driver       | rexray        | Volume driver type rexray is not supported, expecting a cinder volume driver.",
                "unknown flavor     | flavor_id           | m9.huge       | Unable to find flavor m9.huge.",
                "unknown network    | external_network_id | nowhere       | Unable to find external network nowhere.",
                "internal network   | external_network_id | private       | Unable to find external network private.",
                "dns not an address | dns_nameserver      | dns.example   | Invalid input for field/attribute dns_nameserver. Value: 'dns.example'. Value should be a comma-separated list of IP addresses",
                "empty name         | name                | ''            | Invalid input for field/attribute name. Value: ''. Value should have a minimum character requirement of 1",
        })
        void refuses_bad_fields_with_a_400_naming_the_field(String why, String field, String value, String detail) {
            Api.Response refused = member.post("/v1/clustertemplates", with(template("bad"), field, value));
            assertThat(refused.status()).as(why).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo(detail);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("client");
            assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).as("nothing stored").isEmpty();
        }

        @Test
        void refuses_missing_mandatory_fields() {
            Api.Response refused = member.post("/v1/clustertemplates", with(template("x"), "image_id", null));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("Invalid input for field/attribute image_id. Value: 'None'. Mandatory field missing.");
        }

        @Test
        void refuses_wrong_types() {
            Api.Response refused = member.post("/v1/clustertemplates", with(template("x"), "docker_volume_size", "big"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo(
                    "Invalid input for field/attribute docker_volume_size. Value: 'big'. Wrong type. Expected 'integer', got 'string'");
            Api.Response labels = member.post("/v1/clustertemplates", with(template("x"), "labels", List.of("a")));
            assertThat(labels.status()).isEqualTo(400);
            assertThat(labels.detail()).contains("labels", "Expected 'dict'");
        }

        @Test
        void refuses_a_label_the_driver_does_not_know() {
            Api.Response refused = member.post("/v1/clustertemplates",
                    with(template("x"), "labels", Map.of("test_label", "red")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("Label test_label has invalid value 'red': allowed values are blue, green");
        }

        @Test
        void stores_numeric_and_boolean_label_values_as_text() {
            Api.Response created = member.post("/v1/clustertemplates",
                    with(template("x"), "labels", Map.of("test_label", "green")));
            assertThat(created.json().get("labels")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(Map.of("test_label", "green")));
        }

        @Test
        void leaves_the_keypair_to_cluster_create_which_refuses_an_unknown_one_with_404() {
            Api.Response created = member.post("/v1/clustertemplates", with(template("x"), "keypair_id", "nokey"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            Api.Response refused = member.post("/v1/clusters",
                    cluster("c", created.json().get("uuid").asText()));

            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.detail()).isEqualTo("Unable to find keypair nokey.");
        }

        @Test
        void refuses_an_ambiguous_image_name_with_409() {
            Api.Response refused = member.post("/v1/clustertemplates", with(template("x"), "image_id", "duplicate-image"));
            assertThat(refused.status()).isEqualTo(409);
        }

        @Test
        void lets_only_admins_publish_or_hide() {
            Api.Response refused = member.post("/v1/clustertemplates", with(template("x"), "public", true));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.detail()).isEqualTo("Not authorized to set public or hidden flag for cluster template.");
            assertThat(member.post("/v1/clustertemplates", with(template("x"), "hidden", true)).status()).isEqualTo(403);
            assertThat(admin.post("/v1/clustertemplates", with(template("x"), "public", true)).status()).isEqualTo(201);
        }

        @Test
        void refuses_publishing_before_validating_anything_as_magnum_does() {
            Api.Response refused = member.post("/v1/clustertemplates",
                    with(with(template("x"), "public", true), "coe", "swarm"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.detail()).isEqualTo("Not authorized to set public or hidden flag for cluster template.");
        }

        @Test
        void refuses_a_duplicate_uuid_with_409() {
            String uuid = "6b4c3d2e-1f00-4a5b-9c8d-" + project.substring(1, 13);
            assertThat(member.post("/v1/clustertemplates", with(template("x"), "uuid", uuid)).status()).isEqualTo(201);
            Api.Response again = member.post("/v1/clustertemplates", with(template("y"), "uuid", uuid));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.detail()).isEqualTo("A ClusterTemplate with UUID " + uuid + " already exists.");
        }
    }

    @Nested
    class Read {

        @Test
        void shows_by_uuid_and_by_name_and_404s_otherwise() {
            String uuid = createTemplate(member, template("findme"));
            assertThat(member.get("/v1/clustertemplates/" + uuid).json().get("name").asText()).isEqualTo("findme");
            assertThat(member.get("/v1/clustertemplates/findme").json().get("uuid").asText()).isEqualTo(uuid);
            Api.Response missing = member.get("/v1/clustertemplates/nothere");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.detail()).isEqualTo("ClusterTemplate nothere could not be found.");
        }

        @Test
        void hides_private_templates_of_other_projects_as_not_found() {
            String uuid = createTemplate(member, template("mine"));
            assertThat(stranger.get("/v1/clustertemplates/" + uuid).status()).isEqualTo(404);
            assertThat(own(stranger.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).isEmpty();
        }

        @Test
        void shows_public_templates_to_every_project_but_hidden_ones_only_to_admins() {
            String shared = createTemplate(admin, with(template("shared"), "public", true));
            String hidden = createTemplate(admin, with(with(template("hidden"), "public", true), "hidden", true));
            assertThat(stranger.get("/v1/clustertemplates/" + shared).status()).isEqualTo(200);
            assertThat(stranger.get("/v1/clustertemplates/" + hidden).status()).isEqualTo(404);
            assertThat(server.api().as("someone-else", "admin").get("/v1/clustertemplates/" + hidden).status())
                    .isEqualTo(200);
        }

        @Test
        void pages_with_limit_marker_sort_key_and_a_next_link() {
            // Names sort before every public template other tests may have made, so pages are ours.
            for (String name : List.of("0c", "0a", "0d", "0b")) {
                createTemplate(member, template(name));
            }
            Api.Response first = member.get("/v1/clustertemplates?limit=2&sort_key=name&sort_dir=asc");
            assertThat(own(first, "clustertemplates", "name", project)).containsExactly("0a", "0b");
            String next = first.json().get("next").asText();
            assertThat(next).startsWith(server.url() + "/v1/clustertemplates?sort_key=name&sort_dir=asc&limit=2&marker=");
            Api.Response second = member.get(next.substring(server.url().length()));
            assertThat(own(second, "clustertemplates", "name", project)).containsExactly("0c", "0d");
            Api.Response third = member.get(second.json().get("next").asText().substring(server.url().length()));
            assertThat(own(third, "clustertemplates", "name", project)).isEmpty();
            Api.Response newestFirst = stranger.as(project, "member")
                    .get("/v1/clustertemplates/detail?sort_key=created_at&sort_dir=desc&limit=1");
            assertThat(newestFirst.json().get("clustertemplates")).hasSize(1);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "limit=0         | Limit must be positive",
                "sort_key=nope   | The sort_key value \"nope\" is an invalid field for sorting",
                "sort_dir=up     | Invalid sort direction: up. Acceptable values are 'asc' or 'desc'",
                "limit=many      | Invalid input for field/attribute limit. Value: 'many'. Wrong type. Expected 'integer', got 'string'",
        })
        void refuses_bad_paging_parameters(String query, String detail) {
            Api.Response refused = member.get("/v1/clustertemplates?" + query);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo(detail);
        }

        @Test
        void answers_404_for_an_unknown_marker() {
            assertThat(member.get("/v1/clustertemplates?marker=6b4c3d2e-1f00-4a5b-9c8d-000000000000").status())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Update {

        @Test
        void applies_replace_add_and_remove_and_answers_200() {
            String uuid = createTemplate(member, with(template("old"), "labels", Map.of("test_label", "blue")));
            Api.Response patched = member.patch("/v1/clustertemplates/" + uuid, List.of(
                    Map.of("op", "replace", "path", "/name", "value", "new"),
                    Map.of("op", "replace", "path", "/labels/test_label", "value", "green"),
                    Map.of("op", "add", "path", "/http_proxy", "value", "http://proxy:3128")));
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().get("name").asText()).isEqualTo("new");
            assertThat(patched.json().at("/labels/test_label").asText()).isEqualTo("green");
            assertThat(patched.json().get("http_proxy").asText()).isEqualTo("http://proxy:3128");
            assertThat(patched.json().get("updated_at").isNull()).isFalse();
            Api.Response removed = member.patch("/v1/clustertemplates/" + uuid,
                    List.of(Map.of("op", "remove", "path", "/labels/test_label")));
            assertThat(removed.json().get("labels")).isEmpty();
        }

        @Test
        void accepts_the_python_dict_text_python_magnumclient_sends_for_labels() {
            String uuid = createTemplate(member, template("t"));
            Api.Response patched = member.patch("/v1/clustertemplates/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/labels", "value", "{'test_label': 'green'}")));
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().at("/labels/test_label").asText()).isEqualTo("green");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "internal        | [{\"op\":\"replace\",\"path\":\"/uuid\",\"value\":\"x\"}]       | '/uuid' is an internal attribute and can not be updated",
                "mandatory       | [{\"op\":\"remove\",\"path\":\"/coe\"}]                        | '/coe' is a mandatory attribute and can not be removed",
                "bad op          | [{\"op\":\"frobnicate\",\"path\":\"/name\",\"value\":\"x\"}]   | Invalid input for field/attribute op. Value: 'frobnicate'. Value should be one of: remove, add, replace",
                "no value        | [{\"op\":\"replace\",\"path\":\"/name\"}]                      | 'add' and 'replace' operations needs value",
                "not a list      | {\"name\":\"x\"}                                              | Invalid input for field/attribute patch. Value: '{\"name\":\"x\"}'. Value not a valid list: {\"name\":\"x\"}",
                "add on existing | [{\"op\":\"add\",\"path\":\"/name\",\"value\":\"x\"}]          | The attribute /name has existed, please use 'replace' operation instead.",
                "add new root    | [{\"op\":\"add\",\"path\":\"/nope\",\"value\":\"x\"}]          | Adding a new attribute /nope to the root of the resource is not allowed.",
                "bad image       | [{\"op\":\"replace\",\"path\":\"/image_id\",\"value\":\"no-such-image\"}] | Image no-such-image could not be found.",
                "bad label       | [{\"op\":\"add\",\"path\":\"/labels/colour\",\"value\":\"red\"}] | Label colour is not supported by test_driver_v1; supported labels: test_label",
        })
        void refuses_bad_patches_and_keeps_the_template(String why, String patch, String detail) {
            String uuid = createTemplate(member, template("keep"));
            JsonNode before = member.get("/v1/clustertemplates/" + uuid).json();
            Api.Response refused = member.patch("/v1/clustertemplates/" + uuid, patch);
            assertThat(refused.status()).as(why).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo(detail);
            assertThat(member.get("/v1/clustertemplates/" + uuid).json()).isEqualTo(before);
        }

        @Test
        void refuses_replacing_a_missing_attribute_with_couldnt_apply() {
            String uuid = createTemplate(member, template("t"));
            Api.Response refused = member.patch("/v1/clustertemplates/" + uuid,
                    "[{\"op\":\"replace\",\"path\":\"/nope\",\"value\":1}]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).startsWith("Couldn't apply patch '").endsWith("Reason: can't replace a non-existent object 'nope'");
        }

        @Test
        void lets_only_admins_change_public() {
            String uuid = createTemplate(member, template("t"));
            Api.Response refused = member.patch("/v1/clustertemplates/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/public", "value", true)));
            assertThat(refused.status()).isEqualTo(403);
        }

        @Test
        void closes_the_upstream_hole_nobody_else_may_change_or_delete_a_public_template() {
            String shared = createTemplate(admin, with(template("shared"), "public", true));
            Api.Response patch = stranger.patch("/v1/clustertemplates/" + shared,
                    List.of(Map.of("op", "replace", "path", "/name", "value", "mine")));
            assertThat(patch.status()).isEqualTo(403);
            assertThat(patch.detail()).isEqualTo("Policy doesn't allow clustertemplate:update to be performed.");
            Api.Response delete = stranger.delete("/v1/baymodels/" + shared);
            assertThat(delete.status()).isEqualTo(403);
            assertThat(stranger.get("/v1/clustertemplates/" + shared).json().get("name").asText()).isEqualTo("shared");
        }

        @Test
        void allows_only_renaming_while_clusters_use_the_template() {
            String uuid = createTemplate(member, template("busy"));
            assertThat(member.post("/v1/clusters", cluster("c1", uuid)).status()).isEqualTo(202);
            Api.Response refused = member.patch("/v1/clustertemplates/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/flavor_id", "value", "m1.large")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("ClusterTemplate " + uuid + " is referenced by one or multiple clusters.");
            Api.Response renamed = member.patch("/v1/clustertemplates/" + uuid,
                    List.of(Map.of("op", "replace", "path", "/name", "value", "renamed")));
            assertThat(renamed.status()).isEqualTo(200);
        }
    }

    @Nested
    class Delete {

        @Test
        void deletes_with_204_and_then_404s() {
            String uuid = createTemplate(member, template("gone"));
            assertThat(member.delete("/v1/clustertemplates/" + uuid).status()).isEqualTo(204);
            Api.Response again = member.delete("/v1/clustertemplates/" + uuid);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.detail()).isEqualTo("ClusterTemplate " + uuid + " could not be found.");
        }

        @Test
        void refuses_while_a_cluster_uses_the_template() {
            String uuid = createTemplate(member, template("busy"));
            member.post("/v1/clusters", cluster("c1", uuid));
            Api.Response refused = member.delete("/v1/clustertemplates/" + uuid);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("ClusterTemplate " + uuid + " is referenced by one or multiple clusters.");
        }
    }

    @Nested
    class Baymodels {

        @Test
        void are_the_same_templates_under_the_legacy_name() {
            Api.Response created = member.post("/v1/baymodels", template("legacy"));
            assertThat(created.status()).isEqualTo(201);
            String uuid = created.json().get("uuid").asText();
            assertThat(created.header("Location")).endsWith("/v1/baymodels/" + uuid);
            assertThat(member.get("/v1/clustertemplates/" + uuid).status()).isEqualTo(200);
            assertThat(own(member.get("/v1/baymodels"), "baymodels", "uuid", project)).containsExactly(uuid);
            assertThat(own(member.get("/v1/baymodels/detail"), "baymodels", "uuid", project)).containsExactly(uuid);
        }

        @Test
        void require_a_keypair_and_name_their_argument_baymodel() {
            Api.Response missing = member.post("/v1/baymodels", with(template("x"), "keypair_id", null));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.detail()).isEqualTo("Invalid input for field/attribute keypair_id. Value: 'None'. Mandatory field missing.");
            Api.Response unknown = member.post("/v1/baymodels", with(template("x"), "foo", 1));
            assertThat(unknown.detail()).isEqualTo("Unknown attribute for argument baymodel: foo");
        }

        @Test
        void generate_names_ending_in_model() {
            assertThat(member.post("/v1/baymodels", with(template(null), "name", null)).json().get("name").asText())
                    .endsWith("-model");
        }
    }
}
