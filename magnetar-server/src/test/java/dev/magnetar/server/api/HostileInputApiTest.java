package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.api.views.ClusterJson;
import dev.magnetar.server.api.views.ClusterKind;
import dev.magnetar.server.api.views.TemplateJson;
import dev.magnetar.server.support.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.cluster;
import static dev.magnetar.server.support.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input produces a 5xx, every refusal uses Magnum's envelope, and a refused request changes
 * nothing: malformed JSON, wrong types for every field, unknown fields, oversized bodies.
 */
class HostileInputApiTest extends ApiTestBase {

    private static final List<Object> ODD_VALUES = List.of("", "x".repeat(300), -1, 0, Long.MAX_VALUE, 1.5, true,
            List.of(), List.of(1, "a"), Map.of(), Map.of("k", Map.of("nested", 1)), "'; DROP TABLE clusters; --",
            "$(reboot)", "\u0000\u202e", "..\u002f..\u002fetc");

    private static final List<String> MALFORMED = List.of("", "{", "[", "nul", "{\"a\":}", "\"just a string\"", "42",
            "null", "{\"a\":1,}", "\uFEFF{}", "{\"labels\": {\"a\": {\"b\": [1, {\"c\": null}]}}}");

    @Test
    void malformed_bodies_on_every_write_endpoint_get_a_4xx_envelope() {
        String template = createTemplate(member, template("t"));
        String clusterId = member.post("/v1/clusters", cluster("c", template)).json().get("uuid").asText();
        List<String[]> endpoints = List.of(
                new String[]{"POST", "/v1/clustertemplates"}, new String[]{"POST", "/v1/baymodels"},
                new String[]{"PATCH", "/v1/clustertemplates/" + template}, new String[]{"PATCH", "/v1/baymodels/" + template},
                new String[]{"POST", "/v1/clusters"}, new String[]{"POST", "/v1/bays"},
                new String[]{"PATCH", "/v1/clusters/" + clusterId}, new String[]{"PATCH", "/v1/bays/" + clusterId},
                new String[]{"POST", "/v1/clusters/" + clusterId + "/actions/resize"},
                new String[]{"POST", "/v1/clusters/preview"}, new String[]{"POST", "/v1/quotas"},
                new String[]{"PATCH", "/v1/quotas/" + project + "/Cluster"});
        Api latest = admin.withVersion("latest");
        for (String[] endpoint : endpoints) {
            for (String body : MALFORMED) {
                assertRefusedCleanly(latest.send(endpoint[0], endpoint[1], body), endpoint[0] + " " + endpoint[1] + " " + body);
            }
        }
    }

    @Test
    void every_template_field_with_every_odd_value_gets_no_5xx_and_stores_nothing_when_refused() {
        for (String field : TemplateJson.CREATE_FIELDS) {
            for (Object value : ODD_VALUES) {
                Map<String, Object> body = new LinkedHashMap<>(template("odd"));
                body.put(field, value);
                Api.Response response = member.post("/v1/clustertemplates", body);
                assertThat(response.status()).as(field + "=" + value + " -> " + response).isLessThan(500);
                if (response.status() == 201) {
                    member.delete("/v1/clustertemplates/" + response.json().get("uuid").asText());
                } else {
                    assertRefusedCleanly(response, field + "=" + value);
                }
            }
        }
        assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).isEmpty();
    }

    @Test
    void every_cluster_field_with_every_odd_value_gets_no_5xx() {
        String template = createTemplate(member, template("t"));
        List<String> fields = new ArrayList<>(ClusterJson.createFields(ClusterKind.CLUSTER));
        for (String field : fields) {
            for (Object value : ODD_VALUES) {
                Map<String, Object> body = new LinkedHashMap<>(cluster("odd", template));
                body.put(field, value);
                Api.Response response = member.withVersion("latest").post("/v1/clusters", body);
                assertThat(response.status()).as(field + "=" + value + " -> " + response).isLessThan(500);
                if (response.status() == 202) {
                    member.delete("/v1/clusters/" + response.json().get("uuid").asText());
                } else {
                    assertRefusedCleanly(response, field + "=" + value);
                }
            }
        }
    }

    @Test
    void patch_operations_with_odd_paths_and_values_get_no_5xx() {
        String template = createTemplate(member, template("t"));
        JsonNode before = member.get("/v1/clustertemplates/" + template).json();
        List<String> paths = List.of("/", "//", "/labels/a/b/c", "/name/x", "/links/0", "/node_count", "/labels",
                "/a b", "/" + "x".repeat(500), "/public", "/coe");
        for (String path : paths) {
            for (Object value : ODD_VALUES) {
                for (String op : List.of("add", "replace", "remove", "test", "move")) {
                    Map<String, Object> operation = new LinkedHashMap<>();
                    operation.put("op", op);
                    operation.put("path", path);
                    operation.put("value", value);
                    Api.Response response = member.patch("/v1/clustertemplates/" + template, List.of(operation));
                    assertThat(response.status()).as(op + " " + path + " " + value + " -> " + response).isLessThan(500);
                    if (response.status() == 200) {
                        member.patch("/v1/clustertemplates/" + template, List.of(Map.of("op", "replace",
                                "path", "/name", "value", "t")));
                    }
                }
            }
        }
        assertThat(member.get("/v1/clustertemplates/" + template).json().get("coe")).isEqualTo(before.get("coe"));
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_with_413_and_the_envelope() {
        Map<String, Object> body = new LinkedHashMap<>(template("big"));
        body.put("name", "x".repeat(1_100_000));
        Api.Response refused = member.post("/v1/clustertemplates", body);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.detail()).isEqualTo("Request is larger than 1048576 bytes.");
        assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).isEmpty();
    }

    @Test
    void odd_query_parameters_and_identifiers_get_no_5xx() {
        for (String path : List.of("/v1/clusters?limit=-5", "/v1/clusters?limit=99999999999", "/v1/clusters?marker=%00",
                "/v1/clusters?sort_key=%27%3B", "/v1/clustertemplates?sort_dir=", "/v1/clusters/%20",
                "/v1/clusters/" + "a".repeat(5000), "/v1/quotas?marker=abc", "/v1/stats?type=", "/v1/bays/..%2F..",
                "/v1/clusters/6b4c3d2e1f004a5b9c8d7e6f5a4b3c2d")) {
            Api.Response response = member.get(path);
            assertThat(response.status()).as(path + " -> " + response).isLessThan(500);
        }
    }

    private static void assertRefusedCleanly(Api.Response response, String what) {
        assertThat(response.status()).as(what + " -> " + response).isBetween(400, 499);
        JsonNode error = response.json().at("/errors/0");
        assertThat(error.get("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(error.get("detail").asText()).as(what).isNotBlank();
        assertThat(error.get("code").asText()).as(what).isIn("client", "magnum.microversion-unsupported");
    }
}
