package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.NodeStep;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.driver.dcos.heat.DcosPools;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.sim.DurationProfile;
import dev.magnetar.sim.SimulatedOrchestrator;
import dev.magnetar.sim.hot.HotLinter;
import dev.magnetar.driver.kit.stack.NodePoolStack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered DC/OS stacks as the simulated cloud reads them: every golden case passes its
 * linter, and the blueprint's cluster is created, scaled to three agents and back to one (removing
 * a chosen agent), and deleted through the simulated Heat with the driver's own scale parameters
 * and output mapping.
 */
class SimulatedCloudTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(clock, DurationProfile.fast());
    private final DcosDriver driver = new DcosDriver(Fixtures.SETTINGS);

    @TestFactory
    Stream<DynamicTest> every_golden_stack_passes_the_simulated_clouds_linter() {
        HotLinter linter = new HotLinter();
        return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertThat(linter.lint(c.spec())).isEmpty()));
    }

    @Test
    void no_template_or_fragment_uses_a_custom_constraint() {
        GoldenCases.all().forEach(c -> {
            assertThat(c.spec().template()).doesNotContain("custom_constraint");
            assertThat(c.spec().files().values()).noneMatch(file -> file.contains("custom_constraint"));
        });
    }

    @Test
    void the_blueprints_cluster_is_created_scaled_up_and_down_and_deleted() {
        GoldenCases.Case blueprint = GoldenCases.all().stream().filter(c -> c.name().equals("blueprint"))
                .findFirst().orElseThrow();
        heat.create(new StackRequest("dcosbay-stack", blueprint.spec(), 60, true, List.of(), StackCredential.NONE));
        clock.advance(Duration.ofSeconds(1));

        Stack created = stack();
        assertThat(created.status()).hasToString("CREATE_COMPLETE");
        ClusterObservation observed = driver.observe(blueprint.template(), blueprint.cluster(), created);
        assertThat(observed.apiAddress()).startsWith("https://");
        assertThat(observed.masterAddresses()).hasSize(1);
        assertThat(observed.nodeAddresses()).hasSize(1).doesNotContainAnyElementsOf(observed.masterAddresses());

        Cluster three = blueprint.cluster().toBuilder().nodeCount(3).build();
        update(driver.scaleParameters(blueprint.template(), three, List.of(), created));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        List<String> threeAgents = driver.observe(blueprint.template(), three, stack()).nodeAddresses();
        assertThat(threeAgents).hasSize(3).containsAll(observed.nodeAddresses());

        String removed = threeAgents.get(1);
        Cluster one = three.toBuilder().nodeCount(2).build();
        update(driver.scaleParameters(blueprint.template(), one, List.of(removed), stack()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        ClusterObservation after = driver.observe(blueprint.template(), one, stack());
        assertThat(after.nodeAddresses()).hasSize(2).doesNotContain(removed);
        assertThat(after.masterAddresses()).isEqualTo(observed.masterAddresses());

        heat.delete("dcosbay-stack", stack().id(), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(heat.find("dcosbay-stack", StackCredential.NONE)).isEmpty();
    }

    @Test
    void a_2_1_cluster_upgrades_in_place_to_2_2_node_by_node_and_a_second_upgrade_takes_the_other_slot() {
        ClusterTemplate from = DcosUpgradeTest.template("11111111-1111-4111-8111-111111111111", "dcos-2.1",
                Map.of("dcos_release", "2.1.2", "dcos_installer_url", DcosUpgradeTest.INSTALLER_21));
        ClusterTemplate to = DcosUpgradeTest.template("22222222-2222-4222-8222-222222222222", "dcos-2.2",
                Map.of("dcos_release", "2.2.1", "dcos_installer_url", DcosUpgradeTest.INSTALLER_22));
        Cluster installed = Fixtures.blueprintCluster(from).toBuilder().nodeCount(3).coeVersion("2.1.2").build();
        heat.create(new StackRequest("dcosbay-stack", driver.stackSpec(from, installed, Fixtures.context()), 60, true,
                List.of(), StackCredential.NONE));
        clock.advance(Duration.ofSeconds(1));
        ClusterObservation before = driver.observe(from, installed, stack());

        Cluster upgrading = installed.toBuilder().clusterTemplateId(to.uuid()).labels(to.labels()).build();
        driver.validateUpgrade(from, installed, to, upgrading);
        heat.update("dcosbay-stack", stack().id(), StackUpdate.to(driver.upgradeSpec(from, to, upgrading, 2, stack(),
                Fixtures.context()), true, 60), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));

        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        ClusterObservation after = driver.observe(to, upgrading, stack());
        assertThat(after.masterAddresses()).as("the masters kept their servers").isEqualTo(before.masterAddresses());
        assertThat(after.nodeAddresses()).as("the agents kept their servers").isEqualTo(before.nodeAddresses());
        List<StackResource> resources = heat.resources("dcosbay-stack", stack().id(), 2, StackCredential.NONE);
        assertThat(driver.nodeSteps(to, upgrading, resources)).extracting(NodeStep::message).containsExactly(
                "bootstrap: serving the node upgrade script for DC/OS 2.2.1",
                "master-0: upgraded to DC/OS 2.2.1 and healthy again",
                "agent-0: upgraded to DC/OS 2.2.1 and healthy again",
                "agent-1: upgraded to DC/OS 2.2.1 and healthy again",
                "agent-2: upgraded to DC/OS 2.2.1 and healthy again");

        ClusterTemplate patch = DcosUpgradeTest.template("33333333-3333-4333-8333-333333333333", "dcos-2.2.2",
                Map.of("dcos_release", "2.2.2", "dcos_installer_url",
                        "http://files.example.org/dcos/2.2.2/dcos_generate_config.sh"));
        Cluster again = upgrading.toBuilder().coeVersion("2.2.1").clusterTemplateId(patch.uuid())
                .labels(patch.labels()).build();
        heat.update("dcosbay-stack", stack().id(), StackUpdate.to(driver.upgradeSpec(to, patch, again, 1, stack(),
                Fixtures.context()), true, 60), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));

        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().parameters().get("upgrade_slot")).hasToString("b");
        assertThat(heat.resources("dcosbay-stack", stack().id(), 2, StackCredential.NONE))
                .extracting(StackResource::path)
                .contains("agents/0/upgrade_wait_b").doesNotContain("agents/0/upgrade_wait_a");
    }

    @Test
    void a_pool_is_added_resized_removing_a_chosen_agent_and_removed_by_stack_updates() {
        GoldenCases.Case pools = GoldenCases.all().stream().filter(c -> c.name().equals("node-pools"))
                .findFirst().orElseThrow();
        Cluster bare = pools.cluster().toBuilder().nodeGroups(List.of()).build();
        heat.create(new StackRequest("dcosbay-stack", driver.stackSpec(pools.template(), bare, pools.context()), 60,
                true, List.of(), StackCredential.NONE));
        clock.advance(Duration.ofSeconds(1));
        NodeGroup gpu = pools.cluster().spec().nodeGroups().get(2).withNodeCount(3, clock.instant());
        Cluster withGpu = bare.toBuilder().nodeGroups(List.of(gpu)).build();

        replace(driver.stackSpec(pools.template(), withGpu, pools.context()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        List<String> gpuAgents = driver.observe(pools.template(), withGpu, stack()).nodeGroupAddresses()
                .get(gpu.uuid());
        assertThat(gpuAgents).hasSize(3);
        assertThat(driver.observe(pools.template(), withGpu, stack()).nodeAddresses())
                .hasSize(1).doesNotContainAnyElementsOf(gpuAgents);

        String removed = gpuAgents.get(0);
        Cluster twoGpus = withGpu.toBuilder().nodeGroups(List.of(gpu.withNodeCount(2, clock.instant()))).build();
        update(driver.scaleParameters(pools.template(), twoGpus, gpu.uuid(), List.of(removed), stack()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        List<String> left = driver.observe(pools.template(), twoGpus, stack()).nodeGroupAddresses().get(gpu.uuid());
        assertThat(left).hasSize(2).doesNotContain(removed);

        // After a removal a member's name is no longer its position among the addresses: the middle agent
        // is member 1 but now the first address; removing it must remove exactly that agent.
        String middle = gpuAgents.get(1);
        Cluster oneGpu = withGpu.toBuilder().nodeGroups(List.of(gpu.withNodeCount(1, clock.instant()))).build();
        update(driver.scaleParameters(pools.template(), oneGpu, gpu.uuid(), List.of(middle), stack()));
        assertThat(driver.observe(pools.template(), oneGpu, stack()).nodeGroupAddresses().get(gpu.uuid()))
                .containsExactly(gpuAgents.get(2));

        replace(driver.stackSpec(pools.template(), bare, pools.context()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().outputs()).doesNotContainKey(NodePoolStack.addressesOutput(gpu));
        assertThat(driver.observe(pools.template(), bare, stack()).nodeAddresses()).hasSize(1);
    }

    private void replace(StackSpec spec) {
        heat.update("dcosbay-stack", stack().id(), StackUpdate.to(spec, true, 0), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));
    }

    private void update(Map<String, Object> changed) {
        heat.update("dcosbay-stack", stack().id(), new StackUpdate(changed, true, 0), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));
    }

    private Stack stack() {
        return heat.find("dcosbay-stack", StackCredential.NONE).orElseThrow();
    }
}
