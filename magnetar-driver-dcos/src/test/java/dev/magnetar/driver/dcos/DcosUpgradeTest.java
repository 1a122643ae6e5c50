package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.NodeStep;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.driver.kit.stack.NodePoolStack;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The DC/OS driver's side of the upgrade action: which moves it refuses (each violation naming the
 * field, the values and why), the stack it sends for an accepted one, and the per-node steps it reads
 * from the stack's resources.
 */
class DcosUpgradeTest {

    static final String INSTALLER_21 = "http://files.example.org/dcos/2.1.2/dcos_generate_config.sh";
    static final String INSTALLER_22 = "http://files.example.org/dcos/2.2.1/dcos_generate_config.sh";

    final DcosDriver driver = new DcosDriver(Fixtures.SETTINGS);

    static ClusterTemplate template(String uuid, String name, Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>(Fixtures.BLUEPRINT_LABELS);
        labels.putAll(extra);
        return Fixtures.blueprintTemplate().toBuilder().uuid(uuid).name(name).labels(labels).build();
    }

    final ClusterTemplate from = template("11111111-1111-4111-8111-111111111111", "dcos-2.1",
            Map.of("dcos_release", "2.1.2", "dcos_installer_url", INSTALLER_21));
    final Cluster current = Fixtures.blueprintCluster(from).toBuilder().coeVersion("2.1.2").build();

    Cluster movedTo(ClusterTemplate to) {
        return current.toBuilder().clusterTemplateId(to.uuid()).labels(to.labels()).build();
    }

    String refusal(ClusterTemplate to) {
        return refusal(to, movedTo(to));
    }

    String refusal(ClusterTemplate to, Cluster upgraded) {
        return refused(() -> driver.validateUpgrade(from, current, to, upgraded));
    }

    static String refused(Runnable upgrade) {
        MagnetarException e = catchThrowableOfType(MagnetarException.class, upgrade::run);
        assertThat(e).as("refused").isNotNull();
        return e.getMessage();
    }

    @Nested
    class Accepted {

        @Test
        void the_next_minor_release_with_its_installer() {
            ClusterTemplate to = template("22222222-2222-4222-8222-222222222222", "dcos-2.2",
                    Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22));

            driver.validateUpgrade(from, current, to, movedTo(to));
        }

        @Test
        void a_later_patch_of_the_same_minor_release() {
            ClusterTemplate to = template("33333333-3333-4333-8333-333333333333", "dcos-2.1.3",
                    Map.of("dcos_release", "2.1.3", "dcos_installer_url",
                            "http://files.example.org/dcos/2.1.3/dcos_generate_config.sh"));

            driver.validateUpgrade(from, current, to, movedTo(to));
        }
    }

    @Nested
    class Refused {

        @Test
        void a_downgrade() {
            ClusterTemplate to = template("44444444-4444-4444-8444-444444444444", "dcos-2.0",
                    Map.of("dcos_release", "2.0.9", "dcos_installer_url", INSTALLER_22));

            assertThat(refusal(to)).contains("dcos_release").contains("2.0.9")
                    .contains("older than the installed 2.1.2").contains("no downgrade");
        }

        @Test
        void a_skipped_minor_release() {
            Cluster on20 = current.toBuilder().coeVersion("2.0.3").build();
            ClusterTemplate to = template("55555555-5555-4555-8555-555555555555", "dcos-2.2",
                    Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22));

            String why = refused(() -> driver.validateUpgrade(from, on20, to,
                    on20.toBuilder().labels(to.labels()).build()));

            assertThat(why).contains("one minor release at a time").contains("a 2.1.x release");
        }

        @Test
        void the_release_the_cluster_already_runs() {
            ClusterTemplate to = template("66666666-6666-4666-8666-666666666666", "same",
                    Map.of("dcos_release", "2.1.2", "dcos_installer_url", INSTALLER_22));

            assertThat(refusal(to)).contains("already runs DC/OS 2.1.2");
        }

        @Test
        void a_template_that_does_not_say_its_release() {
            ClusterTemplate to = template("77777777-7777-4777-8777-777777777777", "unsaid",
                    Map.of("dcos_installer_url", INSTALLER_22));

            assertThat(refusal(to)).contains("cluster_template unsaid has no dcos_release label");
        }

        @Test
        void the_installer_the_cluster_was_installed_from() {
            ClusterTemplate to = template("88888888-8888-4888-8888-888888888888", "same-installer",
                    Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_21));

            assertThat(refusal(to)).contains("dcos_installer_url '" + INSTALLER_21 + "' is the installer the cluster "
                    + "was installed from");
        }

        @Test
        void keys_dcos_fixes_at_install_each_with_why() {
            ClusterTemplate to = template("99999999-9999-4999-8999-999999999999", "moved-zk",
                    Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22,
                            "dns_search", "example.org"));

            assertThat(refusal(to)).contains("config.yaml key dns_search would change from (unset) to "
                    + "\"example.org\"").contains("resolv.conf search list is written at install");
        }

        @Test
        void a_new_image_that_would_replace_the_servers() {
            ClusterTemplate to = template("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "new-image",
                    Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22)).toBuilder()
                    .imageId("dcos-centos-7.9").build();

            assertThat(refusal(to)).contains("image_id would change from 'dcos-centos-7.2' to 'dcos-centos-7.9'")
                    .contains("would replace them");
        }

        @Test
        void an_unknown_installed_release() {
            ClusterTemplate unsaid = template("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "old", Map.of());
            Cluster unknown = Fixtures.blueprintCluster(unsaid);
            ClusterTemplate to = template("22222222-2222-4222-8222-222222222222", "dcos-2.2",
                    Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22));

            String why = refused(() -> driver.validateUpgrade(unsaid, unknown, to,
                    unknown.toBuilder().labels(to.labels()).build()));

            assertThat(why).contains("installed DC/OS release of cluster dcosbay is unknown");
        }
    }

    @Nested
    class Stack_ {

        final ClusterTemplate to = template("22222222-2222-4222-8222-222222222222", "dcos-2.2",
                Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22));

        Stack installed(Map<String, Object> parameters) {
            return new Stack("s-1", "dcosbay-stack", StackStatus.of(StackAction.CREATE, StackPhase.COMPLETE),
                    null, Map.of(), parameters);
        }

        @Test
        void carries_the_release_its_installer_the_batch_size_and_the_first_slot() {
            StackSpec spec = driver.upgradeSpec(from, to, movedTo(to), 2, installed(Map.of()), Fixtures.context());

            assertThat(spec.parameters()).containsEntry("upgrade_release", "2.2.1")
                    .containsEntry("upgrade_from", "2.1.2")
                    .containsEntry("upgrade_installer_url", INSTALLER_22)
                    .containsEntry("upgrade_batch_size", 2)
                    .containsEntry("upgrade_slot", "a");
            assertThat(spec.template()).contains("rolling_update");
        }

        @Test
        void keeps_the_clusters_node_pools_in_the_stack_so_their_agents_upgrade_and_are_not_deleted() {
            dev.magnetar.core.model.NodeGroup gpu = new dev.magnetar.core.model.NodeGroup(
                    "0f3a1c2e-5d6b-4e7f-8a9b-0c1d2e3f4a5b", "gpu", "agent", 2, 0, null, "m1.large", null, null,
                    Map.of("dcos_mesos_attributes", "gpu:true"), true, false, null, null);
            Cluster withPool = movedTo(to).toBuilder().nodeGroups(List.of(gpu)).build();

            StackSpec spec = driver.upgradeSpec(from, to, withPool, 2, installed(Map.of()), Fixtures.context());

            String pool = NodePoolStack.id(gpu);
            assertThat(spec.template()).contains("  " + pool + ":\n    type: OS::Heat::ResourceGroup");
            assertThat(spec.parameters()).containsEntry(pool + "_count", 2).containsEntry(pool + "_flavor", "m1.large");
        }

        @Test
        void a_second_upgrade_takes_the_other_slot() {
            StackSpec spec = driver.upgradeSpec(from, to, movedTo(to), 1, installed(Map.of("upgrade_slot", "a")),
                    Fixtures.context());

            assertThat(spec.parameters()).containsEntry("upgrade_slot", "b");
        }
    }

    static final String WAIT = "OS::Heat::WaitCondition";

    static StackResource resource(String path, String type, StackAction action, StackPhase phase, String reason) {
        return new StackResource(path, type, StackStatus.of(action, phase), reason);
    }

    @Nested
    class Steps {

        final ClusterTemplate to = template("22222222-2222-4222-8222-222222222222", "dcos-2.2",
                Map.of("dcos_release", "2.2.1", "dcos_installer_url", INSTALLER_22));

        @Test
        void name_each_node_in_upgrade_order_with_a_failure_reason() {
            List<StackResource> resources = List.of(
                    resource("agents/1/upgrade_wait_a", WAIT, StackAction.CREATE, StackPhase.FAILED,
                            "WaitConditionFailure: slave node failed its upgrade while waiting for DC/OS post-start checks"),
                    resource("agents/1/server", "OS::Nova::Server",
                            StackAction.UPDATE, StackPhase.COMPLETE, null),
                    resource("masters/0/upgrade_wait_a", WAIT, StackAction.CREATE, StackPhase.COMPLETE, null),
                    resource("agents/0/upgrade_wait_a", WAIT, StackAction.CREATE, StackPhase.IN_PROGRESS, null),
                    resource("bootstrap_upgrade_wait_a", WAIT, StackAction.CREATE, StackPhase.COMPLETE, null));

            List<NodeStep> steps = driver.nodeSteps(to, movedTo(to), resources);

            assertThat(steps).extracting(NodeStep::message).containsExactly(
                    "bootstrap: serving the node upgrade script for DC/OS 2.2.1",
                    "master-0: upgraded to DC/OS 2.2.1 and healthy again",
                    "agent-0: upgrading to DC/OS 2.2.1",
                    "agent-1 failed its upgrade to DC/OS 2.2.1: WaitConditionFailure: slave node failed its upgrade "
                            + "while waiting for DC/OS post-start checks");
        }

        @Test
        void name_a_pools_agents_as_its_nodes_after_the_clusters_own() {
            dev.magnetar.core.model.NodeGroup gpu = new dev.magnetar.core.model.NodeGroup(
                    "0f3a1c2e-5d6b-4e7f-8a9b-0c1d2e3f4a5b", "gpu", "agent", 2, 0, null, "m1.large", null, null,
                    Map.of(), true, false, null, null);
            String pool = NodePoolStack.id(gpu);
            List<StackResource> resources = List.of(
                    resource(pool + "/2/upgrade_wait_b", WAIT, StackAction.CREATE, StackPhase.COMPLETE, null),
                    resource("agents/0/upgrade_wait_b", WAIT, StackAction.CREATE, StackPhase.COMPLETE, null),
                    resource(pool + "/0/upgrade_wait_b", WAIT, StackAction.CREATE, StackPhase.IN_PROGRESS, null),
                    resource("pool_0123456789ab/0/upgrade_wait_b", WAIT, StackAction.CREATE, StackPhase.COMPLETE, null),
                    resource(pool + "/3/upgrade_wait_b", WAIT, StackAction.INIT, StackPhase.COMPLETE, null));

            List<NodeStep> steps = driver.nodeSteps(to, movedTo(to).toBuilder().nodeGroups(List.of(gpu)).build(),
                    resources);

            assertThat(steps).extracting(NodeStep::message).containsExactly(
                    "agent-0: upgraded to DC/OS 2.2.1 and healthy again",
                    "gpu-0: upgrading to DC/OS 2.2.1",
                    "gpu-2: upgraded to DC/OS 2.2.1 and healthy again");
        }

        @Test
        void are_none_once_the_cluster_reports_the_release() {
            List<StackResource> done = List.of(
                    resource("agents/0/upgrade_wait_a", WAIT, StackAction.CREATE, StackPhase.COMPLETE, null));

            assertThat(driver.nodeSteps(to, movedTo(to).toBuilder().coeVersion("2.2.1").build(), done)).isEmpty();
        }
    }
}
