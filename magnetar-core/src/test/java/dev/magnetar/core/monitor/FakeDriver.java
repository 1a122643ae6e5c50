package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverDescriptor;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A driver that only monitors, through whatever {@link ClusterMonitor} the test gives it. */
final class FakeDriver implements ClusterDriver {

    static final DriverKey KEY = new DriverKey("vm", "fake-os", "fakecoe");

    private final ClusterMonitor monitor;
    private final boolean wantsAccount;

    FakeDriver(ClusterMonitor monitor, boolean wantsAccount) {
        this.monitor = monitor;
        this.wantsAccount = wantsAccount;
    }

    static ClusterTemplate template(String uuid) {
        return ClusterTemplate.builder().uuid(uuid).name("t").coe(KEY.coe()).serverType(KEY.serverType())
                .clusterDistro(KEY.os()).build();
    }

    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor("fake_v1", "1", List.of(KEY), false, "fake");
    }

    @Override
    public DriverPolicy policy() {
        return new DriverPolicy(Set.of(), null, Set.of());
    }

    @Override
    public void validateTemplate(ClusterTemplate template) {
    }

    @Override
    public void validateCluster(ClusterTemplate template, Cluster cluster) {
    }

    @Override
    public StackSpec stackSpec(ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Object> scaleParameters(ClusterTemplate template, Cluster cluster, List<String> nodesToRemove,
                                               Stack current) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClusterObservation observe(ClusterTemplate template, Cluster cluster, Stack stack) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ClusterMonitor> monitor() {
        return Optional.ofNullable(monitor);
    }

    @Override
    public boolean wantsMonitorAccount(ClusterTemplate template, Cluster cluster) {
        return wantsAccount;
    }
}
