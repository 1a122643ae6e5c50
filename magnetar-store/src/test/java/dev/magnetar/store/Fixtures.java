package dev.magnetar.store;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.ClusterTemplateBuilder;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rows with every field set to a value that differs from the builders' defaults. */
final class Fixtures {

    /** A wall-clock time that does not exist in New York (a daylight-saving gap), with microseconds. */
    static final Instant CREATED = Instant.parse("2026-03-08T07:30:00.123456Z");
    static final Instant UPDATED = Instant.parse("2026-03-09T10:15:30.5Z");

    private Fixtures() {
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static ClusterTemplateBuilder template(String projectId) {
        return ClusterTemplate.builder().uuid(uuid()).name("tmpl").projectId(projectId).coe("dcos")
                .imageId("centos-7").serverType("vm").createdAt(CREATED);
    }

    static ClusterTemplate everyTemplateField() {
        return ClusterTemplate.builder()
                .uuid(uuid()).name("k8s-ü").projectId("p1").userId("u1").coe("dcos").imageId("img")
                .keypairId("kp").flavorId("m1.small").masterFlavorId("m1.large").externalNetworkId("public-net")
                .fixedNetwork("private").fixedSubnet("private-subnet").dnsNameserver("8.8.8.8")
                .networkDriver("flannel").volumeDriver("cinder").apiserverPort(6443).dockerVolumeSize(25)
                .dockerStorageDriver("overlay2").clusterDistro("centos").httpProxy("http://proxy:3128")
                .httpsProxy("https://proxy:3129").noProxy("localhost,127.0.0.1").registryEnabled(true)
                .labels(Map.of("dcos_version", "2.2.0", "ünïcødé", "日本語 ✓", "empty", ""))
                .tlsDisabled(true).isPublic(true).serverType("bm").insecureRegistry("10.0.0.1:5000")
                .masterLbEnabled(true).floatingIpEnabled(false).hidden(true).tags("a,b")
                .createdAt(CREATED).updatedAt(UPDATED).version(4)
                .build();
    }

    static Cluster.Builder cluster(String projectId) {
        return Cluster.builder().uuid(uuid()).name("c").projectId(projectId).clusterTemplateId(uuid())
                .createdAt(CREATED);
    }

    static Cluster everyClusterField() {
        return Cluster.builder()
                .uuid(uuid()).name("prod").projectId("p1").userId("u1").clusterTemplateId(uuid()).keypair("kp")
                .nodeCount(5).masterCount(3).dockerVolumeSize(50).createTimeout(90)
                .discoveryUrl("https://discovery.example/abc").stackId(uuid()).status(ClusterStatus.CREATE_FAILED)
                .statusReason("Resource CREATE failed: ✗").apiAddress("https://10.0.0.5:443").coeVersion("2.2.0")
                .containerVersion("1.13.1").masterAddresses(List.of("10.0.0.5", "10.0.0.6", "10.0.0.7"))
                .nodeAddresses(List.of("10.0.0.8")).labels(Map.of("dcos_version", "2.2.0", "ключ", "значение"))
                .masterFlavorId("m1.large").flavorId("m1.small").fixedNetwork("private").fixedSubnet("subnet")
                .floatingIpEnabled(false).masterLbEnabled(true)
                .faults(Map.of("master_server", "Quota exceeded", "agent", "timeout"))
                .healthStatus(HealthStatus.UNHEALTHY).healthStatusReason(Map.of("api", "down")).mergeLabels(true)
                .nodeGroups(List.of(everyNodeGroupField()))
                .nodeGroupStates(Map.of(Fixtures.uuid(), new NodeGroupState(ClusterStatus.UPDATE_FAILED, "agent 2 ✗",
                        List.of("10.0.1.1", "10.0.1.2"))))
                .createdAt(CREATED).updatedAt(UPDATED).version(7)
                .build();
    }

    /** A pool with every field set, values that no engine keeps by accident (unicode, micros, nulls apart). */
    static NodeGroup everyNodeGroupField() {
        return new NodeGroup(uuid(), "gpu-pool", "agent", 3, 1, 8, "g1.xlarge", "centos-7-gpu", 120,
                Map.of("dcos_mesos_attributes", "gpu:true;zone:az1", "ключ", "значение ✓"), true, false,
                CREATED, UPDATED);
    }
}
