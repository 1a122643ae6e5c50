package dev.magnetar.server.api;

import dev.magnetar.server.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.magnetar.server.support.Fixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request breaking thousands of label rules is answered with the first
 * {@value dev.magnetar.core.error.MagnetarException#LISTED_VIOLATIONS} violations and a count of
 * the rest, whatever the driver: the answer stays small however large the request was.
 */
class LabelViolationsApiTest extends ApiTestBase {

    private static final int UNKNOWN = 10_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dcos, dcos-centos-7.2, dcos_centos_v1", "mesos, ubuntu-mesos, mesos_ubuntu_v1"})
    void ten_thousand_unknown_labels_on_a_template_get_the_first_twenty_and_a_count(String coe, String image,
                                                                                     String driver) {
        Map<String, Object> body = driverTemplate(coe, image);
        body.put("labels", unknownLabels());
        Api.Response refused = member.post("/v1/clustertemplates", body);
        assertCapped(refused, driver);
        assertThat(own(member.get("/v1/clustertemplates"), "clustertemplates", "uuid", project)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dcos, dcos-centos-7.2, dcos_centos_v1", "mesos, ubuntu-mesos, mesos_ubuntu_v1"})
    void ten_thousand_unknown_labels_on_a_cluster_get_the_first_twenty_and_a_count(String coe, String image,
                                                                                    String driver) {
        String template = createTemplate(member, driverTemplate(coe, image));
        Map<String, Object> body = new LinkedHashMap<>(cluster("c", template));
        body.put("labels", unknownLabels());
        body.put("master_count", 1);
        Api.Response refused = member.withVersion("latest").post("/v1/clusters", body);
        assertCapped(refused, driver);
        assertThat(own(member.get("/v1/clusters"), "clusters", "uuid", project)).isEmpty();
    }

    private static void assertCapped(Api.Response refused, String driver) {
        assertThat(refused.status()).isEqualTo(400);
        String detail = refused.detail();
        assertThat(detail.split("is unknown to driver " + driver, -1)).hasSize(20 + 1);
        assertThat(detail).startsWith("label 'unknown_label_00000' is unknown to driver " + driver + "; accepted labels: ");
        assertThat(detail).contains("label 'unknown_label_00019' is unknown").doesNotContain("unknown_label_00020");
        assertThat(detail).endsWith("; and " + (UNKNOWN - 20) + " more violations not listed (" + UNKNOWN + " in all)");
        assertThat(refused.body().length()).as("bytes of the error body").isLessThan(64 * 1024);
    }

    private Map<String, Object> driverTemplate(String coe, String image) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", coe);
        body.put("coe", coe);
        body.put("image_id", image);
        body.put("keypair_id", "testkey");
        body.put("external_network_id", "public");
        body.put("flavor_id", "m1.small");
        return body;
    }

    private static Map<String, String> unknownLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < UNKNOWN; i++) {
            labels.put(String.format("unknown_label_%05d", i), "v");
        }
        return labels;
    }
}
