package dev.magnetar.server.api;

import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.magnetar.server.support.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In {@code noauth} the caller's identity comes from the keystonemiddleware headers as sent: an id
 * Keystone could not have issued (over 64 characters, or with characters outside visible ASCII) is
 * a 400 naming the header, never a 500 from the database, and stores nothing.
 */
class RequestIdentityApiTest extends ApiTestBase {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-User-Id", "X-Project-Id"})
    void an_id_longer_than_keystone_issues_is_a_400_naming_the_header_on_every_kind_of_request(String header) {
        Api caller = new Api(server.url()).as(project, "member");
        String tooLong = "u".repeat(300);
        for (String[] request : new String[][]{{"POST", "/v1/clustertemplates"}, {"GET", "/v1/clustertemplates"},
                {"POST", "/v1/clusters"}, {"GET", "/v1/stats"}}) {
            Api.Response response = caller.withHeader(header, tooLong).send(request[0], request[1],
                    request[0].equals("POST") ? template("t") : null);
            assertThat(response.status()).as(request[0] + " " + request[1] + " -> " + response).isEqualTo(400);
            assertThat(response.detail()).isEqualTo("The " + header + " header of 300 characters is not allowed: "
                    + "an id is 1 to 64 visible ASCII characters, as Keystone issues them.");
        }
        assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-User-Id", "X-Project-Id"})
    void an_id_with_characters_keystone_never_issues_is_a_400(String header) {
        for (String odd : new String[]{"a b", "a\tb", "caf\u00e9"}) {
            RawHttp.Response response = RawHttp.exchange(server.port(), "GET /v1/clustertemplates HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nX-Roles: member\r\n" + header + ": " + odd + "\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(odd + " -> " + response).isEqualTo(400);
            assertThat(response.json().at("/errors/0/detail").asText())
                    .startsWith("The " + header + " header of " + odd.length() + " characters is not allowed");
        }
    }

    @Test
    void ids_as_keystone_issues_them_are_accepted_up_to_64_characters() {
        String projectId = UUID.randomUUID().toString().replace("-", "");
        String userId = "f".repeat(64);
        Api keystoneLike = new Api(server.url()).as(projectId, "member").withHeader("X-User-Id", userId);
        Api.Response created = keystoneLike.post("/v1/clustertemplates", template("t"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("project_id").asText()).isEqualTo(projectId);
        assertThat(created.json().get("user_id").asText()).isEqualTo(userId);
    }
}
