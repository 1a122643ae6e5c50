package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClusterObservation;
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

        String removed = gpuAgents.get(1);
        Cluster twoGpus = withGpu.toBuilder().nodeGroups(List.of(gpu.withNodeCount(2, clock.instant()))).build();
        update(driver.scaleParameters(pools.template(), twoGpus, gpu.uuid(), List.of(removed), stack()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(driver.observe(pools.template(), twoGpus, stack()).nodeGroupAddresses().get(gpu.uuid()))
                .hasSize(2).doesNotContain(removed);

        replace(driver.stackSpec(pools.template(), bare, pools.context()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().outputs()).doesNotContainKey(DcosPools.addressesOutput(gpu));
        assertThat(driver.observe(pools.template(), bare, stack()).nodeAddresses()).hasSize(1);
    }

    private void replace(StackSpec spec) {
        heat.update("dcosbay-stack", stack().id(), StackUpdate.replacing(spec, true, 0), StackCredential.NONE);
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
