package dev.magnetar.cli.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPathTest {

    @Test
    void segmentsAreEncodedSoThatAnIdentCannotAddressAnotherResource() {
        assertThat(ApiPath.v1("clusters", "../quotas").toString()).isEqualTo("/v1/clusters/..%2Fquotas");
        assertThat(ApiPath.v1("clusters", "a b?c#d").toString()).isEqualTo("/v1/clusters/a%20b%3Fc%23d");
        assertThat(ApiPath.v1("clustertemplates", "k8s_1.x-~").toString()).isEqualTo("/v1/clustertemplates/k8s_1.x-~");
        assertThat(ApiPath.v1("clusters", "é").toString()).isEqualTo("/v1/clusters/%C3%A9");
    }

    @Test
    void queryParametersKeepTheirOrderAndNullsAreLeftOut() {
        assertThat(ApiPath.v1("bays").query("limit", 5).query("marker", null).query("sort_key", "name").toString())
                .isEqualTo("/v1/bays?limit=5&sort_key=name");
        assertThat(ApiPath.v1("stats").query("project_id", "a&b=c").toString()).isEqualTo("/v1/stats?project_id=a%26b%3Dc");
    }

    @Test
    void theEndpointMayBeGivenWithOrWithoutItsVersionSuffix() {
        for (String url : new String[] {"http://h:9511", "http://h:9511/", "http://h:9511/v1", "http://h:9511/v1/"}) {
            assertThat(new ApiSettings(URI.create(url), null, null, null, "latest").endpoint())
                    .isEqualTo(URI.create("http://h:9511"));
        }
    }
}
