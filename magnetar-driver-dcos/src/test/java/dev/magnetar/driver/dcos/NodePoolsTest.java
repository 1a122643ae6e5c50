package dev.magnetar.driver.dcos;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroups;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DC/OS driver's node pools: which labels a pool may set, how they are judged, and what its agents get. */
class NodePoolsTest {

    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");
    private final DcosDriver driver = new DcosDriver(Fixtures.SETTINGS);
    private final ClusterTemplate template = Fixtures.blueprintTemplate().toBuilder().labels(Map.of()).build();
    private final Cluster cluster = Fixtures.blueprintCluster(template);

    private static NodeGroup pool(String role, Map<String, String> labels) {
        return new NodeGroup("3e4f5061-7283-4d9e-8f0a-1b2c3d4e5f60", "pool", role, 1, 0, null, null, null, null,
                labels, false, false, AT, AT);
    }

    private void validate(NodeGroup group) {
        driver.validateNodeGroup(template, cluster.toBuilder().nodeGroups(List.of(group)).build(), group);
    }

    @Test
    void a_pool_sets_its_own_attributes_and_isolators() {
        validate(pool("agent", Map.of("dcos_mesos_attributes", "gpu:true;zone:az2", "isolation", "gpu/nvidia")));
    }

    @Test
    void attributes_are_judged_by_mesos_rules_naming_the_label() {
        assertThatThrownBy(() -> validate(pool("agent", Map.of("dcos_mesos_attributes", "gpus:{0,1}"))))
                .isInstanceOf(MagnetarException.class)
                .hasMessageContaining("dcos_mesos_attributes").hasMessageContaining("is a set");
    }

    @Test
    void isolators_are_judged_as_the_clusters_are() {
        assertThatThrownBy(() -> validate(pool("agent", Map.of("isolation", "gpu/amd"))))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("gpu/amd");
    }

    @Test
    void a_pool_cannot_change_what_is_the_whole_clusters() {
        assertThatThrownBy(() -> validate(pool("agent", Map.of("oauth_enabled", "false"))))
                .isInstanceOf(MagnetarException.class)
                .hasMessageContaining("oauth_enabled of node group pool must be the cluster's");
    }

    @Test
    void public_agents_keep_the_public_ip_attribute_beside_the_pools_own() {
        NodeGroup edge = pool("public_agent", Map.of("dcos_mesos_attributes", "edge:true"));
        Cluster withEdge = cluster.toBuilder().nodeGroups(List.of(edge)).build();

        String flags = new String(Base64.getDecoder().decode((String) driver.stackSpec(template, withEdge,
                Fixtures.context()).parameters().get("pool_3e4f50617283_agent_flags")));
        assertThat(flags).contains("MESOS_ATTRIBUTES='public_ip:true;edge:true'");
    }

    @Test
    void the_public_agent_count_label_shows_as_a_default_public_agent_group() {
        Cluster old = Fixtures.blueprintCluster(template.toBuilder().labels(Map.of("dcos_public_agent_count", "2"))
                .build());

        assertThat(driver.impliedNodeGroups(template, old)).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("default-public-agent");
            assertThat(g.role()).isEqualTo("public_agent");
            assertThat(g.nodeCount()).isEqualTo(2);
            assertThat(g.isDefault()).isTrue();
        });
        assertThat(NodeGroups.of(old, template, driver.impliedNodeGroups(template, old))).hasSize(3);
        assertThat(driver.impliedNodeGroups(template, cluster)).isEmpty();
    }

    @Test
    void pools_take_the_roles_of_private_and_public_agents() {
        assertThat(driver.nodeGroupRoles()).containsExactlyInAnyOrder("agent", "worker", "public_agent");
    }
}
