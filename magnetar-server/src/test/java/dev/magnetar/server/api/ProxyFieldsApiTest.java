package dev.magnetar.server.api;

import dev.magnetar.server.support.Api;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DC/OS configures a proxy only with both {@code http_proxy} and {@code https_proxy}
 * ({@code use_proxy} in config.yaml needs both), so a DC/OS template giving one of them is refused
 * on create and on update instead of being stored and then silently built without its proxy.
 * The Mesos driver writes each proxy variable on its own, so one alone stays accepted there.
 */
class ProxyFieldsApiTest extends ApiTestBase {

    private static final String HALF = "http_proxy and https_proxy must be given together for the DC/OS driver: "
            + "DC/OS uses a proxy (use_proxy) only with both; ";

    @Test
    void a_dcos_template_with_only_one_proxy_field_is_refused_on_create_naming_both() {
        Api.Response httpOnly = member.post("/v1/clustertemplates", dcos(Map.of("http_proxy", "http://proxy:3128")));
        assertThat(httpOnly.status()).as(httpOnly.toString()).isEqualTo(400);
        assertThat(httpOnly.detail()).isEqualTo(HALF + "https_proxy is missing");
        Api.Response httpsOnly = member.post("/v1/clustertemplates", dcos(Map.of("https_proxy", "http://proxy:3128")));
        assertThat(httpsOnly.status()).as(httpsOnly.toString()).isEqualTo(400);
        assertThat(httpsOnly.detail()).isEqualTo(HALF + "http_proxy is missing");
        assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).isEmpty();
    }

    @Test
    void a_dcos_template_with_both_proxy_fields_is_accepted() {
        Api.Response both = member.post("/v1/clustertemplates",
                dcos(Map.of("http_proxy", "http://proxy:3128", "https_proxy", "http://proxy:3129")));
        assertThat(both.status()).as(both.toString()).isEqualTo(201);
    }

    @Test
    void removing_one_proxy_field_from_a_dcos_template_is_refused_and_changes_nothing() {
        String uuid = createTemplate(member, dcos(Map.of("http_proxy", "http://proxy:3128",
                "https_proxy", "http://proxy:3129")));
        Api.Response patched = member.patch("/v1/clustertemplates/" + uuid,
                List.of(Map.of("op", "remove", "path", "/https_proxy")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(400);
        assertThat(patched.detail()).isEqualTo(HALF + "https_proxy is missing");
        assertThat(member.get("/v1/clustertemplates/" + uuid).json().get("https_proxy").asText())
                .isEqualTo("http://proxy:3129");
    }

    @Test
    void adding_one_proxy_field_to_a_dcos_template_is_refused() {
        String uuid = createTemplate(member, dcos(Map.of()));
        Api.Response patched = member.patch("/v1/clustertemplates/" + uuid,
                List.of(Map.of("op", "add", "path", "/http_proxy", "value", "http://proxy:3128")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(400);
        assertThat(patched.detail()).isEqualTo(HALF + "https_proxy is missing");
    }

    @Test
    void a_mesos_template_may_give_one_proxy_field() {
        Map<String, Object> body = dcos(Map.of("http_proxy", "http://proxy:3128"));
        body.put("coe", "mesos");
        body.put("image_id", "ubuntu-mesos");
        Api.Response created = member.post("/v1/clustertemplates", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static Map<String, Object> dcos(Map<String, String> proxies) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "dcos");
        body.put("coe", "dcos");
        body.put("image_id", "dcos-centos-7.2");
        body.put("keypair_id", "testkey");
        body.put("external_network_id", "public");
        body.put("flavor_id", "m1.small");
        body.putAll(proxies);
        return body;
    }
}
