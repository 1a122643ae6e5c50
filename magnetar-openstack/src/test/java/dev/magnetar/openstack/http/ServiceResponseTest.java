package dev.magnetar.openstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceResponseTest {

    private static ServiceResponse response(int status, String json) throws Exception {
        JsonNode body = OpenStackHttp.json().readTree(json);
        return new ServiceResponse(status, body, HttpHeaders.of(Map.of(), (a, b) -> true));
    }

    @Test
    void readsHeatsNestedErrorMessage() throws Exception {
        // As captured from Heat 19 (captures/heat/11-no-env-real-nova.txt).
        String heat = """
                {"code": 400, "title": "Bad Request",
                 "explanation": "The server could not comply with the request since it is either malformed or otherwise incorrect.",
                 "error": {"type": "ResourceTypeUnavailable", "traceback": null,
                           "message": "HEAT-E99001 Service neutron is not available for resource type OS::Neutron::Net."}}""";

        assertThat(response(400, heat).errorMessage())
                .isEqualTo("HEAT-E99001 Service neutron is not available for resource type OS::Neutron::Net.");
    }

    @Test
    void fallsBackToTheExplanationWhenHeatGivesNoMessage() throws Exception {
        String heat500 = """
                {"code": 500, "title": "Internal Server Error",
                 "explanation": "The server has either erred or is incapable of performing the requested operation.",
                 "error": {"type": "RemoteError", "traceback": null}}""";

        assertThat(response(500, heat500).errorMessage()).startsWith("The server has either erred");
    }

    @Test
    void readsNovaAndNeutronStyleErrors() throws Exception {
        assertThat(response(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor m1.x could not be found.\"}}")
                .errorMessage()).isEqualTo("Flavor m1.x could not be found.");
        assertThat(response(409, "{\"NeutronError\": {\"type\": \"X\", \"message\": \"in use\"}}").errorMessage())
                .isEqualTo("in use");
        assertThat(response(418, "{}").errorMessage()).isEqualTo("HTTP 418");
    }
}
