package dev.magnetar.core.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NodeGroupsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private final ClusterTemplate template = ClusterTemplate.builder().uuid("t-1").imageId("centos-7").build();
    private final NodeGroup gpu = new NodeGroup("ng-gpu", "gpu", "agent", 2, 1, 4, "g1.large", "centos-7-gpu", 100,
            Map.of("dcos_mesos_attributes", "gpu:true"), false, false, T0, T0);
    private final Cluster cluster = Cluster.builder().uuid("c-1").masterCount(3).nodeCount(5)
            .masterFlavorId("m1.large").flavorId("m1.small").dockerVolumeSize(20).labels(Map.of("a", "b"))
            .nodeGroups(List.of(gpu)).createdAt(T0).build();

    @Test
    void the_default_master_and_worker_groups_come_first_as_views_of_the_spec_then_the_added_ones() {
        List<NodeGroup> groups = NodeGroups.of(cluster, template, List.of());

        assertThat(groups).extracting(NodeGroup::name, NodeGroup::role, NodeGroup::nodeCount, NodeGroup::flavorId,
                        NodeGroup::isDefault)
                .containsExactly(
                        tuple("default-master", "master", 3, "m1.large", true),
                        tuple("default-worker", "worker", 5, "m1.small", true),
                        tuple("gpu", "agent", 2, "g1.large", false));
        assertThat(groups.get(1).imageId()).isEqualTo("centos-7");
        assertThat(groups.get(1).labels()).containsEntry("a", "b");
        assertThat(groups.get(1).dockerVolumeSize()).isEqualTo(20);
    }

    @Test
    void a_default_view_has_the_same_uuid_on_every_read_and_another_in_another_cluster() {
        NodeGroup first = NodeGroups.of(cluster, template, List.of()).get(1);
        NodeGroup again = NodeGroups.of(cluster.toBuilder().nodeCount(9).build(), template, List.of()).get(1);
        NodeGroup elsewhere = NodeGroups.of(cluster.toBuilder().uuid("c-2").build(), template, List.of()).get(1);

        assertThat(again.uuid()).isEqualTo(first.uuid()).matches("[0-9a-f-]{36}");
        assertThat(elsewhere.uuid()).isNotEqualTo(first.uuid());
    }

    @Test
    void groups_the_driver_implies_sit_between_the_defaults_and_the_added_ones() {
        NodeGroup publicAgents = NodeGroups.defaultView(cluster, template, "default-public-agent", "public_agent",
                1, 0, "m1.small");

        assertThat(NodeGroups.of(cluster, template, List.of(publicAgents))).extracting(NodeGroup::name)
                .containsExactly("default-master", "default-worker", "default-public-agent", "gpu");
    }

    @Test
    void a_spec_never_stores_a_default_group() {
        NodeGroup view = NodeGroups.of(cluster, template, List.of()).get(0);

        assertThatThrownBy(() -> cluster.toBuilder().nodeGroups(List.of(view)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_clusters_stack_settles_every_added_group_keeping_addresses_it_did_not_read() {
        Cluster seen = cluster.toBuilder().nodeGroupStates(Map.of(gpu.uuid(), new NodeGroupState(
                ClusterStatus.UPDATE_IN_PROGRESS, null, List.of("10.0.0.9")))).build();

        assertThat(NodeGroups.settled(seen, ClusterStatus.UPDATE_FAILED, "timed out", Map.of()))
                .containsExactly(Map.entry(gpu.uuid(), new NodeGroupState(ClusterStatus.UPDATE_FAILED, "timed out",
                        List.of("10.0.0.9"))));
        assertThat(NodeGroups.settled(seen, ClusterStatus.UPDATE_COMPLETE, null,
                Map.of(gpu.uuid(), List.of("10.0.0.9", "10.0.0.10"))).get(gpu.uuid()).nodeAddresses())
                .containsExactly("10.0.0.9", "10.0.0.10");
    }

    @Test
    void bounds_are_inclusive_and_an_absent_maximum_is_no_bound() {
        assertThat(gpu.allows(1)).isTrue();
        assertThat(gpu.allows(4)).isTrue();
        assertThat(gpu.allows(0)).isFalse();
        assertThat(gpu.allows(5)).isFalse();
        assertThat(NodeGroups.of(cluster, template, List.of()).get(1).allows(10_000)).isTrue();
    }
}
