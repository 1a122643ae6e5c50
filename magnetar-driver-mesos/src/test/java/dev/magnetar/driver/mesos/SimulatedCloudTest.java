package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.driver.mesos.heat.MesosPools;
import dev.magnetar.sim.DurationProfile;
import dev.magnetar.sim.SimulatedOrchestrator;
import dev.magnetar.sim.hot.HotLinter;
import dev.magnetar.driver.kit.stack.NodePoolStack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered stacks as the simulated cloud reads them: every golden spec passes its linter, and
 * a three-master cluster with a load balancer is created, scaled up and scaled down (removing a
 * chosen agent) through the simulated Heat, with the driver's own scale parameters and output
 * mapping.
 */
class SimulatedCloudTest {

    private final MutableClock clock = MutableClock.atEpochDay();
    private final SimulatedOrchestrator heat = SimulatedOrchestrator.inMemory(clock, DurationProfile.fast());
    private final MesosDriver driver = Fixtures.driver();

    @TestFactory
    Stream<DynamicTest> everyGoldenStackPassesTheLinter() {
        HotLinter linter = new HotLinter();
        return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertThat(linter.lint(c.spec())).isEmpty()));
    }

    @Test
    void templatesUseNoCustomConstraint() {
        assertThat(GoldenCases.all().getFirst().spec().files().values()).noneMatch(f -> f.contains("custom_constraint"));
        assertThat(GoldenCases.all().getFirst().spec().template()).doesNotContain("custom_constraint");
    }

    @Test
    void createsScalesUpAndDownRemovingTheChosenAgentThenDeletes() {
        GoldenCases.Case lb = GoldenCases.all().stream().filter(c -> c.name().equals("three-masters-lb"))
                .findFirst().orElseThrow();
        heat.create(new StackRequest("mesosbay-stack", lb.spec(), 60, true, List.of(), StackCredential.NONE));
        clock.advance(Duration.ofSeconds(1));

        Stack created = stack();
        assertThat(created.status()).hasToString("CREATE_COMPLETE");
        ClusterObservation observed = driver.observe(lb.template(), lb.cluster(), created);
        assertThat(observed.masterAddresses()).hasSize(3).doesNotHaveDuplicates();
        assertThat(observed.nodeAddresses()).hasSize(3).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(observed.masterAddresses());
        assertThat(observed.apiAddress()).matches("http://[0-9.]+:8080")
                .isNotIn(observed.masterAddresses().stream().map(a -> "http://" + a + ":8080").toList());
        assertThat(observed.coeVersion()).as("simulated nodes report no versions, only placeholders").isNull();
        assertThat(observed.containerVersion()).isNull();
        assertThat(resources()).contains("master_lb", "master_ports/2", "masters/2", "agents/2");
        assertThat(heat.resources("mesosbay-stack", null, 2, StackCredential.NONE))
                .filteredOn(r -> r.type().equals("OS::Heat::WaitCondition")).extracting(StackResource::path)
                .as("one wait condition for the masters and one per agent, so CREATE_COMPLETE means registered")
                .containsExactlyInAnyOrder("master_wait", "agents/0/wait", "agents/1/wait", "agents/2/wait");

        Cluster up = lb.cluster().toBuilder().nodeCount(5).build();
        update(driver.scaleParameters(lb.template(), up, List.of(), created));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        List<String> fiveAgents = driver.observe(lb.template(), up, stack()).nodeAddresses();
        assertThat(fiveAgents).hasSize(5).containsAll(observed.nodeAddresses());

        String removed = fiveAgents.get(1);
        Cluster down = up.toBuilder().nodeCount(4).build();
        Map<String, Object> changed = driver.scaleParameters(lb.template(), down, List.of(removed), stack());
        assertThat(changed).containsEntry("number_of_agents", 4).containsEntry("agents_to_remove", "1");
        update(changed);
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        ClusterObservation after = driver.observe(lb.template(), down, stack());
        assertThat(after.nodeAddresses()).hasSize(4).doesNotContain(removed)
                .containsAll(fiveAgents.stream().filter(a -> !a.equals(removed)).toList());
        assertThat(after.masterAddresses()).isEqualTo(observed.masterAddresses());
        assertThat(resources()).doesNotContain("agents/1").contains("agents/0", "agents/4");

        heat.delete("mesosbay-stack", stack().id(), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(heat.find("mesosbay-stack", StackCredential.NONE)).isEmpty();
    }

    @Test
    void singleMasterWithoutFloatingIpsAnswersOnTheMastersPrivateAddress() {
        GoldenCases.Case noFip = GoldenCases.all().stream().filter(c -> c.name().equals("own-repository-and-proxy"))
                .findFirst().orElseThrow();
        heat.create(new StackRequest("private-stack", noFip.spec(), 60, true, List.of(), StackCredential.NONE));
        clock.advance(Duration.ofSeconds(1));
        Stack stack = heat.find("private-stack", StackCredential.NONE).orElseThrow();

        ClusterObservation observed = driver.observe(noFip.template(), noFip.cluster(), stack);

        assertThat(stack.status()).hasToString("CREATE_COMPLETE");
        assertThat(observed.masterAddresses()).hasSize(1).isEqualTo(stack.outputs().get("master_private_addresses"));
        assertThat(observed.apiAddress()).isEqualTo("http://" + observed.masterAddresses().getFirst() + ":8080");
        assertThat(observed.nodeAddresses()).hasSize(2).isEqualTo(stack.outputs().get("node_private_addresses"));
    }

    @Test
    void aPoolIsAddedResizedRemovingAChosenAgentAndRemovedByOneStackUpdateEach() {
        GoldenCases.Case pools = GoldenCases.all().stream().filter(c -> c.name().equals("node-pools"))
                .findFirst().orElseThrow();
        Cluster bare = pools.cluster().toBuilder().nodeGroups(List.of()).build();
        heat.create(new StackRequest("mesosbay-stack", driver.stackSpec(pools.template(), bare, pools.context()), 60,
                true, List.of(), StackCredential.NONE));
        clock.advance(Duration.ofSeconds(1));
        NodeGroup gpu = pools.cluster().spec().nodeGroups().get(1).withNodeCount(3, clock.instant());
        Cluster withGpu = bare.toBuilder().nodeGroups(List.of(gpu)).build();

        replace(driver.stackSpec(pools.template(), withGpu, pools.context()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        ClusterObservation observed = driver.observe(pools.template(), withGpu, stack());
        List<String> gpuAgents = observed.nodeGroupAddresses().get(gpu.uuid());
        assertThat(gpuAgents).hasSize(3).doesNotHaveDuplicates();
        assertThat(observed.nodeAddresses()).as("the default agents are not the pool's")
                .hasSize(2).doesNotContainAnyElementsOf(gpuAgents);
        assertThat(heat.resources("mesosbay-stack", null, 2, StackCredential.NONE))
                .filteredOn(r -> r.type().equals("OS::Heat::WaitCondition")).extracting(StackResource::path)
                .as("each pool agent waits until it is registered, as the default ones do")
                .contains(NodePoolStack.id(gpu) + "/0/wait", NodePoolStack.id(gpu) + "/2/wait");

        String removed = gpuAgents.get(1);
        Cluster twoGpus = withGpu.toBuilder().nodeGroups(List.of(gpu.withNodeCount(2, clock.instant()))).build();
        Map<String, Object> changed = driver.scaleParameters(pools.template(), twoGpus, gpu.uuid(), List.of(removed),
                stack());
        assertThat(changed).containsEntry(NodePoolStack.id(gpu) + "_to_remove", "1");
        update(changed);
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(driver.observe(pools.template(), twoGpus, stack()).nodeGroupAddresses().get(gpu.uuid()))
                .hasSize(2).doesNotContain(removed).containsAll(gpuAgents.stream().filter(a -> !a.equals(removed))
                        .toList());
        assertThat(resources()).doesNotContain(NodePoolStack.id(gpu) + "/1")
                .contains(NodePoolStack.id(gpu) + "/0", NodePoolStack.id(gpu) + "/2");

        replace(driver.stackSpec(pools.template(), bare, pools.context()));
        assertThat(stack().status()).hasToString("UPDATE_COMPLETE");
        assertThat(stack().outputs()).doesNotContainKey(NodePoolStack.addressesOutput(gpu));
        assertThat(resources()).noneMatch(r -> r.startsWith(NodePoolStack.id(gpu)));
        assertThat(driver.observe(pools.template(), bare, stack()).nodeAddresses()).hasSize(2);
    }

    private void replace(StackSpec spec) {
        heat.update("mesosbay-stack", stack().id(), StackUpdate.to(spec, true, 0), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));
    }

    private void update(Map<String, Object> changed) {
        heat.update("mesosbay-stack", stack().id(), new StackUpdate(changed, true, 0), StackCredential.NONE);
        clock.advance(Duration.ofSeconds(1));
    }

    private Stack stack() {
        return heat.find("mesosbay-stack", StackCredential.NONE).orElseThrow();
    }

    private List<String> resources() {
        return heat.resources("mesosbay-stack", null, 1, StackCredential.NONE).stream().map(StackResource::path)
                .toList();
    }
}
