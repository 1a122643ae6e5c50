package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden-file matrix: each case is a template, a cluster and a deployment context. Other
 * tests (and the simulated cloud's linter, later) take a {@link StackSpec} per case from here.
 */
final class GoldenCases {

    record Case(String name, ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        StackSpec spec() {
            return new DcosDriver(Fixtures.SETTINGS).stackSpec(template, cluster, context);
        }
    }

    private static final String OVERLAY = "{\"vtep_subnet\":\"44.128.0.0/20\",\"vtep_subnet6\":\"fd01:a::/64\","
            + "\"vtep_mac_oui\":\"70:B3:D5:00:00:00\",\"vtep_mtu\":1400,\"overlays\":[{\"name\":\"apps\","
            + "\"subnet\":\"10.64.0.0/12\",\"prefix\":24},{\"name\":\"apps6\",\"subnet6\":\"fd01:c::/64\","
            + "\"prefix6\":80,\"enabled\":false}]}";

    private GoldenCases() {
    }

    static List<Case> all() {
        ClusterTemplate base = Fixtures.blueprintTemplate().toBuilder().labels(Map.of()).build();
        DeploymentContext local = Fixtures.context();
        return List.of(
                golden("defaults", base, Map.of(), 1, local),
                golden("blueprint", Fixtures.blueprintTemplate(), Fixtures.BLUEPRINT_LABELS, 1, local),
                golden("lb-zookeeper", base.toBuilder().masterLbEnabled(true).build(), Map.of(
                        "exhibitor_storage_backend", "zookeeper",
                        "exhibitor_zk_hosts", "10.0.0.250:2181,10.0.0.251:2181",
                        "exhibitor_zk_path", "/dcos/dcosbay"), 3, local),
                golden("static-3-masters", base.toBuilder().dnsNameserver("10.0.0.2,10.0.0.3").build(), Map.of(
                        "dcos_public_agent_count", "2", "dns_search", "cloud.example.org example.org"), 3, local),
                golden("overlay-custom-network", base.toBuilder().networkDriver("dcos-overlay").build(), Map.of(
                        "dcos_overlay_network", OVERLAY, "dcos_overlay_mtu", "1350",
                        "dcos_overlay_config_attempts", "6", "calico_enabled", "false"), 1, local),
                golden("rexray", base.toBuilder().volumeDriver("rexray").build(), Map.of("rexray_preempt", "true"), 1,
                        new DeploymentContext("https://keystone.example.org/v3", "RegionTwo", "demo", "Default",
                                new StackCredential("6f0c5e1b8a", "trustee-4b1e", "not-a-real-secret"),
                                Fixtures.SETTINGS)),
                golden("agent-flags", base, Map.of("mesos_slave_isolation", "linux/nnp,process,volume/host_path,appc/runtime",
                        "image_providers", "Docker,APPC", "dcos_public_agent_count", "1",
                        "mesos_slave_executor_env_variables", "{\"JAVA_HOME\": \"/opt/java\", \"PATH\": \"/usr/bin:/bin\"}"),
                        1, local),
                golden("oauth-off", base, Map.of("oauth_enabled", "false", "telemetry_enabled", "false",
                        "check_time", "false"), 1, local),
                golden("oauth-on", base, Map.of("oauth_enabled", "true", "enable_ipv6", "false",
                        "docker_remove_delay", "30mins", "gc_delay", "1days"), 1, local),
                golden("oauth-service-account", base, Map.of("oauth_enabled", "true"), 3,
                        Fixtures.contextWithMonitorAccount()),
                golden("local-universe", base, Map.of(
                        "dcos_local_universe_url", "https://files.example.org/universe/repo-v4.json",
                        "dcos_local_universe_artifacts_url", "https://files.example.org/universe/artifacts.tar.gz",
                        "dcos_package_repositories", "mirror=https://mirror.example.org/repo"), 1, local),
                golden("local-universe-from-image", base, Map.of(
                        "dcos_local_universe_url", "/opt/dcos/universe/repo.json"), 1, local),
                nodePools(base, local));
    }

    /** A cluster with three added pools: private agents, public agents at the edge, GPU agents with attributes. */
    private static Case nodePools(ClusterTemplate base, DeploymentContext context) {
        Map<String, String> clusterLabels = Map.of("dcos_mesos_attributes", "zone:az1");
        ClusterTemplate template = base.toBuilder().labels(clusterLabels).build();
        java.time.Instant at = java.time.Instant.parse("2026-12-03T12:00:00Z");
        List<NodeGroup> pools = List.of(
                new NodeGroup("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "big-memory", "agent", 2, 0, 10, "r1.xlarge",
                        null, 100, Map.of("dcos_mesos_attributes", "zone:az2;memory:high"), false, false, at, at),
                new NodeGroup("1c2d3e4f-5061-4b7c-9d8e-0f1a2b3c4d5e", "edge", "public_agent", 2, 1, 4, "m1.small",
                        null, null, Map.of("dcos_mesos_attributes", "zone:az1;edge:true"), false, false, at, at),
                new NodeGroup("2d3e4f50-6172-4c8d-8e9f-1a2b3c4d5e6f", "gpu", "agent", 1, 0, null, "g1.large",
                        "centos-7-nvidia", 200, Map.of("dcos_mesos_attributes", "zone:az1;gpu:true;gpus:[0-1]",
                        "isolation", "gpu/nvidia,cgroups/devices"), false, false, at, at));
        Cluster cluster = Fixtures.blueprintCluster(template).toBuilder().nodeGroups(pools).build();
        return new Case("node-pools", template, cluster, context);
    }

    static Map<String, StackSpec> specs() {
        Map<String, StackSpec> specs = new LinkedHashMap<>();
        all().forEach(c -> specs.put(c.name(), c.spec()));
        return specs;
    }

    private static Case golden(String name, ClusterTemplate template, Map<String, String> labels, int masters,
                               DeploymentContext context) {
        ClusterTemplate withLabels = template.toBuilder().labels(labels).build();
        Cluster cluster = Fixtures.blueprintCluster(withLabels).toBuilder().masterCount(masters).build();
        return new Case(name, withLabels, cluster, context);
    }
}
