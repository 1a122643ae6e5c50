package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.ClusterTemplateBuilder;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackSpec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The golden-file matrix: each case is a template, a cluster and a deployment context. The golden
 * files, the simulated cloud's linter and the lifecycle test all take their specs from here.
 */
final class GoldenCases {

    record Case(String name, ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        StackSpec spec() {
            return Fixtures.driver().stackSpec(template, cluster, context);
        }
    }

    private GoldenCases() {
    }

    static List<Case> all() {
        DeploymentContext local = Fixtures.context();
        return List.of(
                golden("defaults", Map.of(), t -> t, c -> c, local),
                golden("magnum-labels", Map.of(
                        "mesos_slave_isolation", "filesystem/linux,docker/runtime,cgroups/cpu,cgroups/mem,process",
                        "mesos_slave_image_providers", "Docker",
                        "mesos_slave_work_dir", "/srv/mesos/agent",
                        "mesos_slave_executor_env_variables", "{\"JAVA_HOME\": \"/opt/java\", \"PATH\": \"/usr/bin:/bin\"}"),
                        t -> t, c -> c, local),
                golden("three-masters-lb", Map.of(
                        "marathon_framework_name", "marathon-prod",
                        "marathon_mesos_role", "eng/web",
                        "marathon_task_launch_timeout", "600000",
                        "mesos_master_zk_session_timeout", "30secs",
                        "master_api_allowed_cidr", "203.0.113.0/24"),
                        t -> t.masterLbEnabled(true), c -> c.masterCount(3).nodeCount(3), local),
                golden("rexray-volume", Map.of("rexray_preempt", "true", "executor_registration_timeout", "10mins"),
                        t -> t.volumeDriver("rexray").dockerVolumeSize(20), c -> c, new DeploymentContext(
                                "https://keystone.example.org/v3", "RegionTwo", "demo", "Default",
                                new StackCredential("6f0c5e1b8a", "trustee-4b1e", "not-a-real-secret"),
                                Fixtures.SETTINGS)),
                golden("own-repository-and-proxy", Map.of(
                        "mesos_repo_url", "http://mirror.internal.example/mesos-1.11",
                        "mesos_repo_suite", "jammy",
                        "mesos_repo_key_url", "",
                        "fixed_subnet_cidr", "192.168.40.0/24"),
                        t -> t.httpProxy("http://proxy.internal.example:3128")
                                .httpsProxy("http://proxy.internal.example:3128")
                                .noProxy("localhost,127.0.0.1,.internal.example,192.168.40.0/24")
                                .floatingIpEnabled(false),
                        c -> c, local),
                golden("posix-mesos-only", Map.of(
                        "launcher", "posix",
                        "containerizers", "mesos",
                        "mesos_slave_isolation", "filesystem/posix,posix/cpu,posix/mem,disk/du"),
                        t -> t, c -> c.nodeCount(0), local),
                nodePools(local));
    }

    /**
     * A cluster whose agents carry a zone attribute, with two added pools: big-memory agents that keep the
     * cluster's attributes, and GPU agents on their own image with their own attributes and isolators.
     */
    private static Case nodePools(DeploymentContext context) {
        ClusterTemplate template = Fixtures.template(Map.of("mesos_slave_attributes", "zone:az1"));
        Instant at = Instant.parse("2026-12-03T12:00:00Z");
        List<NodeGroup> pools = List.of(
                new NodeGroup("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "big-memory", "agent", 2, 0, 10, "r1.xlarge",
                        null, 100, Map.of("mesos_slave_attributes", "zone:az1"), false, false, at, at),
                new NodeGroup("2d3e4f50-6172-4c8d-8e9f-1a2b3c4d5e6f", "gpu", "worker", 1, 0, null, "g1.large",
                        "ubuntu-mesos-nvidia", 200, Map.of("mesos_slave_attributes", "zone:az2;gpu:true;gpus:[0-1]",
                        "mesos_slave_isolation", GPU_ISOLATION), false, false, at, at));
        Cluster cluster = Fixtures.cluster(template).toBuilder().nodeGroups(pools).build();
        return new Case("node-pools", template, cluster, context);
    }

    /** Each case's stack by case name, in the cases' order. */
    static Map<String, StackSpec> specs() {
        Map<String, StackSpec> specs = new LinkedHashMap<>();
        all().forEach(c -> specs.put(c.name(), c.spec()));
        return specs;
    }

    /** Mesos 1.11's GPU isolator with what it needs: the linux filesystem and the devices cgroup. */
    static final String GPU_ISOLATION = "filesystem/linux,docker/runtime,cgroups/cpu,cgroups/mem,cgroups/devices,"
            + "gpu/nvidia";

    private static Case golden(String name, Map<String, String> labels, UnaryOperator<ClusterTemplateBuilder> template,
                               UnaryOperator<Cluster.Builder> cluster, DeploymentContext context) {
        ClusterTemplate t = template.apply(Fixtures.template(labels).toBuilder()).build();
        Cluster c = cluster.apply(Fixtures.cluster(t).toBuilder()).build();
        return new Case(name, t, c, context);
    }
}
