package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.driver.kit.testing.GoldenFiles;
import dev.magnetar.driver.mesos.node.NodeFiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MesosDriverTest {

    private final MesosDriver driver = Fixtures.driver();

    @Test
    void isDiscoveredForUbuntuMesosAsTheLegacyPathToDcos() {
        ClusterDriver found = DriverRegistry.discover(name -> new DriverSettings(Map.of()))
                .find(new DriverKey("vm", "ubuntu", "mesos")).orElseThrow();

        assertThat(found.descriptor().name()).isEqualTo("mesos_ubuntu_v1");
        assertThat(found.descriptor().legacy()).isTrue();
        assertThat(found.descriptor().description()).contains("Legacy").contains("dcos_centos_v1");
        assertThat(found.policy().networkDrivers()).containsExactly("docker");
        assertThat(found.policy().defaultNetworkDriver()).isEqualTo("docker");
        assertThat(found.policy().volumeDrivers()).containsExactly("rexray");
        assertThat(found.monitor()).containsInstanceOf(dev.magnetar.driver.mesos.monitor.MesosMonitor.class);
    }

    @Test
    void acceptsMagnumsLabelsWhenMesosWouldStartWithThem() {
        ClusterTemplate template = Fixtures.template(Map.of(
                "mesos_slave_isolation", "filesystem/linux,docker/runtime",
                "mesos_slave_image_providers", "docker",
                "mesos_slave_work_dir", "/var/lib/mesos",
                "mesos_slave_executor_env_variables", "{}"));

        assertThatCode(() -> driver.validateTemplate(template)).doesNotThrowAnyException();
        assertThatCode(() -> driver.validateCluster(template, Fixtures.cluster(template))).doesNotThrowAnyException();
    }

    @Test
    void threeMastersTakeTheTemplatesLoadBalancerUnlessTheClusterOverridesIt() {
        ClusterTemplate withLb = Fixtures.template(Map.of()).toBuilder().masterLbEnabled(true).build();
        Cluster inherits = Fixtures.cluster(withLb).toBuilder().masterCount(3).masterLbEnabled(null).build();
        Cluster overrides = inherits.toBuilder().masterLbEnabled(false).build();

        assertThatCode(() -> driver.validateCluster(withLb, inherits)).doesNotThrowAnyException();
        assertThat(driver.render(withLb, inherits, Fixtures.context()).parameters())
                .containsEntry("master_lb_enabled", true).containsEntry("number_of_masters", 3);
        assertThatThrownBy(() -> driver.validateCluster(withLb, overrides)).isInstanceOf(MagnetarException.class)
                .hasMessage("master_count must be 1 when master_lb_enabled is False");
    }

    @Test
    void aClusterNameThatWouldBreakALineOfTheMastersFlagsIsRefused() {
        ClusterTemplate template = Fixtures.template(Map.of());
        Cluster cluster = Fixtures.cluster(template).toBuilder().name("prod\nMESOS_QUORUM=9").build();

        assertThatThrownBy(() -> driver.validateCluster(template, cluster)).isInstanceOf(MagnetarException.class)
                .hasMessage("name 'prod?MESOS_QUORUM=9' is not allowed: it becomes the Mesos cluster name and must not "
                        + "contain control characters");
    }

    @Test
    void anEmptyRepositoryLabelUsesTheImagesPackagesDespiteTheServiceDefault() {
        ClusterTemplate template = Fixtures.template(Map.of("mesos_repo_url", ""));

        String settings = driver.nodeFiles(template, Fixtures.cluster(template), Fixtures.context()).get("master")
                .get(NodeFiles.NODE_SETTINGS);

        assertThat(settings).contains("MESOS_REPO_URL=''\n")
                .contains("MESOS_REPO_KEY_URL='https://packages.example.org/mesos/key.asc'\n");
    }

    @Test
    void previewsShowEachRoleTheFilesItReceives() {
        ClusterTemplate template = Fixtures.template(Map.of("mesos_slave_work_dir", "/srv/mesos"));
        Cluster cluster = Fixtures.cluster(template);

        Map<String, Map<String, String>> files = driver.nodeFiles(template, cluster, Fixtures.context());

        assertThat(files.get("master")).containsOnlyKeys("node-settings", "mesos-master.env", "marathon.env");
        assertThat(files.get("agent")).containsOnlyKeys("node-settings", "mesos-agent.env");
        assertThat(files.get("agent").get("mesos-agent.env")).contains("MESOS_WORK_DIR='/srv/mesos'\n")
                .isEqualTo(GoldenFiles.decode(driver.stackSpec(template, cluster, Fixtures.context()), "agent_flags"));
    }

    @Test
    void mastersCannotBeScaledAndOnlyThisClustersAgentsCanBeRemoved() {
        ClusterTemplate template = Fixtures.template(Map.of());
        Stack current = new Stack("id", "stack", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE), "", Map.of("agent_members",
                List.of("0=10.0.0.7=172.24.4.7", "1=10.0.0.8=172.24.4.8")), Map.of("number_of_masters", "1"));
        Cluster cluster = Fixtures.cluster(template).toBuilder().nodeCount(1).build();

        assertThat(driver.scaleParameters(template, cluster, List.of("172.24.4.8"), current))
                .containsExactly(Map.entry("number_of_agents", 1), Map.entry("agents_to_remove", "1"));
        assertThat(driver.scaleParameters(template, cluster, List.of("0"), current))
                .containsEntry("agents_to_remove", "0");
        assertThatThrownBy(() -> driver.scaleParameters(template, cluster, List.of("10.0.0.99"), current))
                .hasMessage("nodes_to_remove: '10.0.0.99' is not an agent of this cluster; give an agent's address "
                        + "or member name (10.0.0.7, 172.24.4.7, 10.0.0.8, 172.24.4.8)");
        assertThatThrownBy(() -> driver.scaleParameters(template, cluster.toBuilder().masterCount(3).build(), List.of(),
                current)).hasMessage("master_count cannot change from 1 to 3: the ZooKeeper ensemble and Mesos quorum "
                + "are fixed at create");
    }

    @Test
    void observesVersionsFromWaitConditionData() {
        Stack stack = new Stack("id", "stack", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE), "", Map.of(
                "api_address", "http://172.24.4.10:8080",
                "master_addresses", List.of("172.24.4.3"),
                "node_addresses", List.of("172.24.4.7", "172.24.4.8"),
                "mesos_version", "{\"1\": \"1.11.0\"}",
                "docker_versions", List.of("{\"1\": \"\"}", "{\"1\": \"20.10.21\"}")), Map.of());

        ClusterObservation observed = driver.observe(Fixtures.template(Map.of()), Fixtures.cluster(
                Fixtures.template(Map.of())), stack);

        assertThat(observed).isEqualTo(new ClusterObservation("http://172.24.4.10:8080", List.of("172.24.4.3"),
                List.of("172.24.4.7", "172.24.4.8"), "1.11.0", "20.10.21"));
    }

    @Test
    void anEmptyStackObservesNothingRatherThanFailing() {
        Stack empty = new Stack("id", "stack", StackStatus.of(StackAction.CREATE, StackPhase.IN_PROGRESS), "", Map.of(), Map.of());

        assertThat(driver.observe(Fixtures.template(Map.of()), Fixtures.cluster(Fixtures.template(Map.of())), empty))
                .isEqualTo(new ClusterObservation(null, List.of(), List.of(), null, null));
    }
}
