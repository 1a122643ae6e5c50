package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever refuses a request, Magnum's JSON error envelope answers it: the HTTP server's own
 * refusals (oversized heads, malformed request lines) as much as the API's, and a method a known
 * path does not support is a 405 naming the methods it does, as Magnum's pecan controllers answer.
 */
class HttpServerRefusalsApiTest extends ApiTestBase {

    @Test
    void request_headers_larger_than_the_server_reads_get_431_in_the_envelope() {
        RawHttp.Response response = RawHttp.exchange(server.port(), "GET /v1/clusters HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Padding: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertEnvelope(response, 431);
    }

    @Test
    void a_request_uri_longer_than_the_server_reads_gets_414_in_the_envelope() {
        RawHttp.Response response = RawHttp.exchange(server.port(), "GET /v1/clusters/" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEnvelope(response, 414);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GET /v1/clusters/%00 HTTP/1.1",
            "GET /v1/clusters/%zz HTTP/1.1",
            "GET /v1/clusters/%2e%2e/%2e%2e/etc HTTP/1.1",
            "GET /v1/clusters/a%2Fb HTTP/1.1",
            "GET /v1/clusters/\u00ff HTTP/1.1",
            "GET /v1/clusters HTTP/9.9",
            "GET  HTTP/1.1",
            "GET /v1/clusters HTTP/1.1 extra",
            "GET /v1/clusters/a\tb HTTP/1.1",
            "GET /v1/clusters/%C3%28 HTTP/1.1",
            "GET /v1/clusters?limit=%zz HTTP/1.1",
            "GET /v1/clusters?marker=%C3%28 HTTP/1.1",
            "GET /v1/clustertemplates?sort_key=%zz&sort_dir=asc HTTP/1.1",
            "GET /v1/clusters/%zz/events HTTP/1.1",
            "FOO /v1/clusters HTTP/1.1",
    })
    void a_malformed_request_line_gets_a_4xx_envelope_never_html(String requestLine) {
        RawHttp.Response response = RawHttp.exchange(server.port(), requestLine
                + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        boolean unknownVersion = response.status() == 505;
        assertThat(response.status() < 500 || unknownVersion).as(response.toString()).isTrue();
        assertThat(response.status()).as(response.toString()).isGreaterThanOrEqualTo(400);
        assertEnvelope(response, response.status());
    }

    @Test
    void malformed_header_lines_get_400_in_the_envelope() {
        for (String header : List.of("Bad Header: x", "X-Ctl: a\u0001b", ": no-name", "Content-Length: -5",
                "Content-Length: 12abc")) {
            RawHttp.Response response = RawHttp.exchange(server.port(), "POST /v1/clusters HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + header + "\r\nConnection: close\r\n\r\n");
            assertEnvelope(response, 400);
        }
    }

    @Test
    void unsupported_methods_on_known_paths_get_405_with_allow_and_the_envelope() {
        String template = createTemplate(member, dev.magnetar.server.support.Fixtures.template("t"));
        List<String[]> cases = List.of(
                new String[]{"PUT", "/v1/clustertemplates", "GET, POST"},
                new String[]{"DELETE", "/v1/clustertemplates", "GET, POST"},
                new String[]{"POST", "/v1/clustertemplates/" + template, "GET, PATCH, DELETE"},
                new String[]{"PUT", "/v1/clustertemplates/" + template, "GET, PATCH, DELETE"},
                new String[]{"PUT", "/v1/clusters", "GET, POST"},
                new String[]{"DELETE", "/v1/bays", "GET, POST"},
                new String[]{"PATCH", "/v1/baymodels", "GET, POST"},
                new String[]{"DELETE", "/v1/stats", "GET"},
                new String[]{"PUT", "/clustertemplates", "GET, POST"});
        for (String[] c : cases) {
            Api.Response response = member.send(c[0], c[1], c[0].equals("DELETE") ? null : "{}");
            assertThat(response.status()).as(c[0] + " " + c[1] + " -> " + response).isEqualTo(405);
            assertThat(response.header("Allow")).as(c[0] + " " + c[1]).isEqualTo(c[2]);
            assertThat(response.detail()).isEqualTo("The method " + c[0] + " is not allowed for this resource. "
                    + "Allowed: " + c[2] + ".");
            assertThat(response.json().at("/errors/0/status").asInt()).isEqualTo(405);
        }
        assertThat(member.get("/v1/clustertemplates/" + template).status()).isEqualTo(200);
    }

    @Test
    void unknown_paths_stay_404() {
        assertThat(member.send("PUT", "/v1/nothing-here", "{}").status()).isEqualTo(404);
        assertThat(member.get("/v1/nothing-here").status()).isEqualTo(404);
    }

    private static void assertEnvelope(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
        JsonNode error = response.json().at("/errors/0");
        assertThat(error.get("status").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(error.get("code").asText()).isEqualTo(status >= 500 ? "server" : "client");
        assertThat(error.get("detail").asText()).as(response.toString()).isNotBlank();
        assertThat(error.get("title").asText()).as(response.toString()).isNotBlank();
        assertThat(error.get("request_id").asText()).as(response.toString()).startsWith("req-");
        assertThat(response.header("X-Openstack-Request-Id")).isEqualTo(error.get("request_id").asText());
    }
}
