package dev.magnetar.driver.mesos;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Mesos driver's node pools: which labels a pool may set, how they are judged, and what its agents get. */
class NodePoolsTest {

    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");
    private static final String POOL_UUID = "3e4f5061-7283-4d9e-8f0a-1b2c3d4e5f60";
    private final MesosDriver driver = Fixtures.driver();
    private final ClusterTemplate template = Fixtures.template(Map.of());
    private final Cluster cluster = Fixtures.cluster(template);

    private static NodeGroup pool(String name, String role, Map<String, String> labels) {
        return new NodeGroup(POOL_UUID, name, role, 1, 0, null, null, null, null, labels, false, false, AT, AT);
    }

    private static NodeGroup pool(Map<String, String> labels) {
        return pool("pool", "agent", labels);
    }

    private void validate(NodeGroup group) {
        driver.validateNodeGroup(template, cluster.toBuilder().nodeGroups(List.of(group)).build(), group);
    }

    private String poolAgentEnv(NodeGroup group) {
        Cluster withPool = cluster.toBuilder().nodeGroups(List.of(group)).build();
        return new String(Base64.getDecoder().decode((String) driver.stackSpec(template, withPool, Fixtures.context())
                .parameters().get("pool_3e4f50617283_agent_flags")));
    }

    @Test
    void pools_take_the_role_of_agents_under_either_name() {
        assertThat(driver.nodeGroupRoles()).containsExactlyInAnyOrder("agent", "worker");
    }

    @Test
    void a_pool_sets_its_own_attributes_and_isolators_which_only_its_agents_get() {
        NodeGroup gpu = pool(Map.of("mesos_slave_attributes", "gpu:true;zone:az2",
                "mesos_slave_isolation", GoldenCases.GPU_ISOLATION));
        validate(gpu);

        String env = poolAgentEnv(gpu);
        assertThat(env).contains("MESOS_ATTRIBUTES='gpu:true;zone:az2'")
                .contains("MESOS_ISOLATION='" + GoldenCases.GPU_ISOLATION + "'");
        Cluster withPool = cluster.toBuilder().nodeGroups(List.of(gpu)).build();
        String clusterEnv = new String(Base64.getDecoder().decode((String) driver.stackSpec(template, withPool,
                Fixtures.context()).parameters().get("agent_flags")));
        assertThat(clusterEnv).doesNotContain("MESOS_ATTRIBUTES").doesNotContain("gpu/nvidia");
    }

    @Test
    void attributes_are_judged_by_mesos_rules_naming_the_label() {
        assertThatThrownBy(() -> validate(pool(Map.of("mesos_slave_attributes", "gpus:{0,1}"))))
                .isInstanceOf(MagnetarException.class)
                .hasMessageContaining("mesos_slave_attributes").hasMessageContaining("is a set");
        assertThatThrownBy(() -> validate(pool(Map.of("mesos_slave_attributes", "zone:a'$(reboot)"))))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("mesos_slave_attributes");
    }

    @Test
    void the_cluster_may_give_every_agent_attributes_too() {
        ClusterTemplate zoned = Fixtures.template(Map.of("mesos_slave_attributes", "zone:az1"));
        driver.validateTemplate(zoned);
        assertThatThrownBy(() -> driver.validateTemplate(Fixtures.template(Map.of("mesos_slave_attributes", "zone"))))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("is not a key:value pair");
    }

    @Test
    void isolators_are_judged_by_the_cross_flag_rules_as_the_clusters_are() {
        assertThatThrownBy(() -> validate(pool(Map.of("mesos_slave_isolation", "gpu/amd"))))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("gpu/amd");
        assertThatThrownBy(() -> validate(pool(Map.of("mesos_slave_launcher", "posix",
                "mesos_slave_isolation", "cgroups/cpu,cgroups/mem"))))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("mesos_slave_launcher")
                .hasMessageContaining("cgroups/cpu, cgroups/mem need the linux launcher");
        assertThatThrownBy(() -> validate(pool(Map.of("mesos_slave_image_providers", "docker",
                "mesos_slave_isolation", "posix/cpu,posix/mem"))))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("mesos_slave_image_providers");
    }

    @Test
    void a_pool_cannot_change_what_is_the_whole_clusters() {
        assertThatThrownBy(() -> validate(pool(Map.of("marathon_framework_name", "other"))))
                .isInstanceOf(MagnetarException.class)
                .hasMessageContaining("marathon_framework_name of node group pool must be the cluster's");
    }

    @Test
    void a_pool_name_is_what_may_stand_in_a_server_name() {
        assertThatThrownBy(() -> validate(pool("gpu\"\n  evil: x", "agent", Map.of())))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("node group name");
    }

    @Test
    void hostile_values_reach_the_pools_agents_only_single_quoted_in_base64() {
        NodeGroup hostile = pool(Map.of("mesos_slave_executor_env_variables",
                "{\"X\": \"$(touch /tmp/pwned)'`id`\"}"));
        validate(hostile);

        assertThat(poolAgentEnv(hostile))
                .contains("MESOS_EXECUTOR_ENVIRONMENT_VARIABLES='{\"X\":\"$(touch /tmp/pwned)'\\''`id`\"}'");
        Cluster withPool = cluster.toBuilder().nodeGroups(List.of(hostile)).build();
        assertThat(driver.stackSpec(template, withPool, Fixtures.context()).template()).doesNotContain("pwned");
    }

    @Test
    void resizing_a_pool_removes_the_agent_named_by_address_or_member_and_refuses_strangers() {
        NodeGroup gpu = pool(Map.of()).withNodeCount(1, AT);
        Cluster withPool = cluster.toBuilder().nodeGroups(List.of(gpu)).build();
        dev.magnetar.core.port.Stack current = new dev.magnetar.core.port.Stack("s", "mesosbay-stack",
                null, "", Map.of("pool_3e4f50617283_members",
                List.of("0=10.0.0.5=172.24.4.5", "2=10.0.0.7=172.24.4.7")), Map.of());

        assertThat(driver.scaleParameters(template, withPool, gpu.uuid(), List.of("172.24.4.7"), current))
                .containsEntry("pool_3e4f50617283_count", 1).containsEntry("pool_3e4f50617283_to_remove", "2");
        assertThat(driver.scaleParameters(template, withPool, gpu.uuid(), List.of(), current))
                .containsOnlyKeys("pool_3e4f50617283_count");
        assertThatThrownBy(() -> driver.scaleParameters(template, withPool, gpu.uuid(), List.of("10.0.0.9"), current))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("'10.0.0.9' is not an agent of node "
                        + "group pool");
    }
}
