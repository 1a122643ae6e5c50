package dev.magnetar.cli.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void magnumsEnvelopeGivesItsDetailOrElseItsTitle() {
        assertThat(ErrorBody.message(json, 400, """
                {"errors": [{"status": 400, "code": "client", "title": "Invalid", "detail": "Invalid label x."}]}"""))
                .isEqualTo("Invalid label x.");
        assertThat(ErrorBody.message(json, 403, "{\"errors\": [{\"title\": \"Forbidden\", \"detail\": \"\"}]}"))
                .isEqualTo("Forbidden");
    }

    @Test
    void wsmesErrorMessageGivesItsFaultString() {
        assertThat(ErrorBody.message(json, 400,
                "{\"error_message\": \"{\\\"faultstring\\\": \\\"Invalid input\\\", \\\"faultcode\\\": \\\"Client\\\"}\"}"))
                .isEqualTo("Invalid input");
        assertThat(ErrorBody.message(json, 400, "{\"error_message\": \"plain words\"}")).isEqualTo("plain words");
    }

    @Test
    void anythingElseIsShownAsItIsAndNothingAsTheStatus() {
        assertThat(ErrorBody.message(json, 503, "  Service Unavailable\n")).isEqualTo("Service Unavailable");
        assertThat(ErrorBody.message(json, 500, "{\"unexpected\": true}")).isEqualTo("{\"unexpected\": true}");
        assertThat(ErrorBody.message(json, 401, "")).isEqualTo("HTTP 401");
    }
}
