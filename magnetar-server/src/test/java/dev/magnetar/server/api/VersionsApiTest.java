package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionsApiTest extends ApiTestBase {

    @Test
    void the_root_lists_v1_with_its_microversion_range_without_authentication() {
        JsonNode root = server.api().get("/").json();
        assertThat(root.at("/versions/0/id").asText()).isEqualTo("v1");
        assertThat(root.at("/versions/0/min_version").asText()).isEqualTo("1.1");
        assertThat(root.at("/versions/0/max_version").asText()).isEqualTo("1.10");
        JsonNode v1 = server.api().get("/v1").json();
        assertThat(v1.at("/media_types/0/type").asText()).isEqualTo("application/vnd.openstack.magnum.v1+json");
        assertThat(v1.at("/clustertemplates/0/href").asText()).isEqualTo(server.url() + "/v1/clustertemplates/");
        assertThat(v1.at("/certificates/0/href").asText()).isEqualTo(server.url() + "/v1/certificates/");
    }

    @Test
    void every_response_carries_the_version_headers_and_a_request_id() {
        Api.Response response = member.get("/v1/clusters");
        assertThat(response.header("OpenStack-API-Minimum-Version")).isEqualTo("container-infra 1.1");
        assertThat(response.header("OpenStack-API-Maximum-Version")).isEqualTo("container-infra 1.10");
        assertThat(response.header("OpenStack-API-Version")).isEqualTo("container-infra 1.1");
        assertThat(response.header("Vary")).contains("OpenStack-API-Version");
        assertThat(response.header("X-Openstack-Request-Id")).startsWith("req-");
        Api.Response error = member.get("/v1/clusters/nothere");
        assertThat(error.header("X-Openstack-Request-Id")).isEqualTo(error.json().at("/errors/0/request_id").asText());
    }

    @Test
    void latest_means_the_maximum() {
        assertThat(member.withVersion("latest").get("/v1/clusters").header("OpenStack-API-Version"))
                .isEqualTo("container-infra 1.10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.99", "2.0", "1.0", "one"})
    void unsupported_versions_get_406_with_magnums_microversion_body(String version) {
        Api.Response refused = member.withVersion(version).get("/v1/clusters");
        assertThat(refused.status()).isEqualTo(406);
        JsonNode error = refused.json().at("/errors/0");
        assertThat(error.get("code").asText()).isEqualTo("magnum.microversion-unsupported");
        assertThat(error.get("title").asText()).isEqualTo("Requested microversion is unsupported");
        assertThat(error.get("min_version").asText()).isEqualTo("1.1");
        assertThat(error.get("max_version").asText()).isEqualTo("1.10");
    }

    @Test
    void a_header_for_another_service_gets_406() {
        Api.Response refused = new RawHeaderApi(server.url()).get("compute 1.2");
        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.json().at("/errors/0/detail").asText())
                .isEqualTo("Invalid service type for OpenStack-API-Version header");
    }

    @Test
    void unknown_paths_get_the_error_envelope() {
        Api.Response missing = member.get("/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errors/0/status").asInt()).isEqualTo(404);
    }

    @Test
    void unversioned_paths_route_to_v1() {
        assertThat(member.get("/clustertemplates").status()).isEqualTo(200);
    }

    /** Sends an arbitrary OpenStack-API-Version header value. */
    private record RawHeaderApi(String url) {
        Api.Response get(String header) {
            try {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/clusters"))
                        .header("OpenStack-API-Version", header).build();
                var response = java.net.http.HttpClient.newHttpClient()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                return new Api.Response(response.statusCode(), response.headers().map(), response.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
