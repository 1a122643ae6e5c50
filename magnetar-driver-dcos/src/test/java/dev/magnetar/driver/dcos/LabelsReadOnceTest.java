package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.driver.dcos.labels.DcosLabels;
import dev.magnetar.driver.kit.labels.ParsedLabels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster's labels are parsed once, into one value that validation, rendering, the monitor
 * account decision, the attachment and the monitor all read.
 */
class LabelsReadOnceTest {

    private static final String PINNED_CA = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n";

    private final AtomicInteger parses = new AtomicInteger();
    private final DcosDriver driver = new DcosDriver(Fixtures.SETTINGS, new ParsedLabels<>(raw -> {
        parses.incrementAndGet();
        return DcosLabels.read(raw);
    }));

    @Test
    void aClusterFromValidationToMonitoringParsesItsLabelsOnce() {
        ClusterTemplate template = Fixtures.blueprintTemplate();
        Cluster cluster = Fixtures.blueprintCluster(template).toBuilder().apiAddress("https://127.0.0.1:1").build();

        driver.validateTemplate(template);
        driver.validateCluster(template, cluster);
        boolean account = driver.wantsMonitorAccount(template, cluster);
        driver.stackSpec(template, cluster, Fixtures.contextWithMonitorAccount());
        driver.nodeFiles(template, cluster, Fixtures.contextWithMonitorAccount());
        driver.attachment(template, cluster, Optional.of(PINNED_CA));
        driver.monitor().orElseThrow().poll(template, cluster, new MonitorContext(Duration.ofSeconds(2), Map.of()));

        assertThat(account).isTrue();
        assertThat(parses).hasValue(1);
    }

    @Test
    void changedLabelsAreReadAfresh() {
        ClusterTemplate template = Fixtures.blueprintTemplate();
        Cluster cluster = Fixtures.blueprintCluster(template);
        Map<String, String> withoutOauth = new java.util.HashMap<>(cluster.spec().labels());
        withoutOauth.put("oauth_enabled", "false");

        assertThat(driver.wantsMonitorAccount(template, cluster)).isTrue();
        assertThat(driver.wantsMonitorAccount(template, cluster.toBuilder().labels(withoutOauth).build())).isFalse();
        assertThat(parses).hasValue(2);
    }
}
