package dev.magnetar.driver.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.dcos.labels.MasterCounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DcosDriverTest {

    private final ClusterDriver driver = new DcosDriver(Fixtures.SETTINGS);
    private final ClusterTemplate template = Fixtures.blueprintTemplate();
    private final Cluster cluster = Fixtures.blueprintCluster(template);

    @Test
    void isDiscoveredForVmCentosDcos() {
        DriverRegistry registry = DriverRegistry.discover();

        assertThat(registry.find(new DriverKey("vm", "centos", "dcos")))
                .hasValueSatisfying(d -> assertThat(d.descriptor().name()).isEqualTo("dcos_centos_v1"));
    }

    @Test
    void definesItsNetworkAndVolumeDrivers() {
        assertThat(driver.policy().networkDrivers()).containsExactlyInAnyOrder("docker", "dcos-overlay", "calico");
        assertThat(driver.policy().defaultNetworkDriver()).isEqualTo("docker");
        assertThat(driver.policy().volumeDrivers()).containsExactly("rexray");
    }

    @Test
    void acceptsTheBlueprintsBaymodelAndBay() {
        driver.validateTemplate(template);
        driver.validateCluster(template, cluster);
    }

    @Test
    void wantsAMonitoringAccountExactlyWhenAdminRouterRequiresLogin() {
        Map<String, String> without = new java.util.HashMap<>(cluster.spec().labels());
        without.remove("oauth_enabled");

        assertThat(driver.wantsMonitorAccount(template, cluster.toBuilder().labels(without).build()))
                .as("oauth_enabled defaults to true").isTrue();
        without.put("oauth_enabled", "false");
        assertThat(driver.wantsMonitorAccount(template, cluster.toBuilder().labels(without).build())).isFalse();
        without.put("oauth_enabled", "true");
        assertThat(driver.wantsMonitorAccount(template, cluster.toBuilder().labels(without).build())).isTrue();
    }

    @Test
    void refusesMasterCountsDcosCannotRun() {
        assertThatThrownBy(() -> driver.validateCluster(template, cluster.toBuilder().masterCount(2).build()))
                .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID))
                .hasMessageContaining("master_count 2").hasMessageContaining("1, 3, 5, 7 or 9")
                .hasMessageContaining("cannot be scaled after create");
    }

    @Test
    void theStacksMasterCountConstraintIsTheDriversQuorumRule() throws Exception {
        JsonNode constraint = new YAMLMapper().readTree(driver.stackSpec(template, cluster, Fixtures.context())
                .template()).at("/parameters/number_of_masters/constraints/0/allowed_values");
        List<Integer> allowed = new ArrayList<>();
        constraint.forEach(count -> allowed.add(count.intValue()));

        assertThat(allowed).isEqualTo(MasterCounts.ALLOWED);
    }

    @Test
    void loadBalancedMastersNeedANonStaticExhibitorBackendEvenWhenOnlyTheTemplateAsks() {
        ClusterTemplate lb = template.toBuilder().masterLbEnabled(true).build();

        assertThatThrownBy(() -> driver.validateCluster(lb, cluster))
                .hasMessageContaining("label 'exhibitor_storage_backend' value 'static'")
                .hasMessageContaining("master_http_loadbalancer");
        driver.validateCluster(lb, cluster.toBuilder().masterLbEnabled(false).build());
    }

    @Test
    void stackSpecCarriesTemplateFilesEnvironmentAndParameters() {
        StackSpec spec = driver.stackSpec(template, cluster, Fixtures.context());

        assertThat(spec.template()).startsWith("heat_template_version: 2018-08-31");
        assertThat(spec.files()).containsKeys("node.yaml", "lb.yaml", "fragments/common.sh", "fragments/bootstrap.sh",
                "fragments/node.sh");
        assertThat(spec.environment()).contains("Magnetar::DCOS::Node: node.yaml");
        assertThat(spec.parameters()).containsEntry("number_of_agents", 1).containsEntry("number_of_masters", 1)
                .containsEntry("docker_volume_size", 5).containsEntry("external_network", "1hsdhs88sddds889");
        assertThat(spec.template() + String.join("", spec.files().values())).doesNotContain("custom_constraint");
    }

    @Test
    void scalingChangesOnlyTheAgentsAndMapsAddressesToMembers() {
        Stack current = new Stack("id", "name", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE), "", Map.of("agent_members",
                List.of("0=10.0.0.5=172.24.4.5", "1=10.0.0.6=172.24.4.6", "2=10.0.0.7=172.24.4.7")),
                Map.of("number_of_masters", "1", "number_of_agents", "3"));

        Map<String, Object> changed = driver.scaleParameters(template, cluster.toBuilder().nodeCount(1).build(),
                List.of("172.24.4.6", "10.0.0.7"), current);

        assertThat(changed).isEqualTo(Map.of("number_of_agents", 1, "agents_to_remove", "1,2"));
        assertThat(driver.scaleParameters(template, cluster.toBuilder().nodeCount(4).build(), List.of(), current))
                .isEqualTo(Map.of("number_of_agents", 4));
    }

    @Test
    void refusesToScaleMastersOrRemoveStrangers() {
        Stack current = new Stack("id", "name", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE), "", Map.of("agent_members", List.of("0=10.0.0.5=10.0.0.5")),
                Map.of("number_of_masters", "1"));

        assertThatThrownBy(() -> driver.scaleParameters(template, cluster.toBuilder().masterCount(3).build(), List.of(),
                current)).hasMessageContaining("master_count cannot change from 1 to 3");
        assertThatThrownBy(() -> driver.scaleParameters(template, cluster, List.of("10.9.9.9"), current))
                .hasMessageContaining("nodes_to_remove: '10.9.9.9'");
    }

    @Test
    void observesAddressesAndVersionsFromOutputs() {
        Stack stack = new Stack("id", "name", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE), "", Map.of(
                "api_address", "http://172.24.4.10",
                "master_addresses", List.of("172.24.4.10"),
                "agent_addresses", List.of("172.24.4.11", "172.24.4.12"),
                "public_agent_addresses", List.of("172.24.4.13"),
                "dcos_version", "{\"00000\": \"2.2.0\"}",
                "docker_version", "19.03.15"), Map.of());

        ClusterObservation seen = driver.observe(template, cluster, stack);

        assertThat(seen).isEqualTo(new ClusterObservation("http://172.24.4.10", List.of("172.24.4.10"),
                List.of("172.24.4.11", "172.24.4.12", "172.24.4.13"), "2.2.0", "19.03.15"));
    }

    @Test
    void previewsTheFilesOfEveryRole() {
        Map<String, Map<String, String>> files = driver.nodeFiles(template, cluster, Fixtures.context());

        assertThat(files).containsOnlyKeys("bootstrap", "master", "agent", "public_agent");
        assertThat(files.get("agent")).containsKeys("config.yaml", "ip-detect", "ip-detect-public", "mesos-slave-common");
        assertThat(files.get("master")).doesNotContainKey("mesos-slave-common");
        assertThat(files.get("bootstrap").get("config.yaml")).contains("cluster_name: \"dcosbay\"");
    }

    @Test
    void offersOneMonitorForAllItsClusters() {
        DcosDriver driver = new DcosDriver(Fixtures.SETTINGS);
        assertThat(driver.monitor()).containsInstanceOf(dev.magnetar.driver.dcos.monitor.DcosMonitor.class);
        assertThat(driver.monitor().orElseThrow()).isSameAs(driver.monitor().orElseThrow());
    }
}
