package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;

import java.util.Map;

/** A Magnum-style Mesos baymodel and bay, as the tests start from them. */
final class Fixtures {

    static final DriverSettings SETTINGS = new DriverSettings(Map.of(
            MesosDriver.SETTING_REPO_URL, "https://packages.example.org/mesos",
            MesosDriver.SETTING_REPO_KEY_URL, "https://packages.example.org/mesos/key.asc"));

    private Fixtures() {
    }

    /** {@code baymodel-create --name mesosbaymodel --image-id ubuntu-mesos --coe mesos ...}. */
    static ClusterTemplate template(Map<String, String> labels) {
        return ClusterTemplate.builder().uuid("8c1d7e52-2f5b-4d0a-9b4e-6a3f0e9d1c21").name("mesosbaymodel")
                .coe("mesos").imageId("ubuntu-mesos").keypairId("testkey").externalNetworkId("public")
                .dnsNameserver("8.8.8.8").flavorId("m1.small").masterFlavorId("m1.medium").clusterDistro("ubuntu")
                .labels(labels).build();
    }

    /** {@code bay-create --name mesosbay --baymodel mesosbaymodel --node-count 2}. */
    static Cluster cluster(ClusterTemplate template) {
        return Cluster.builder().uuid("f3b0c6a2-7d4e-4b1a-8c9f-2e5d7a6b3c40").name("mesosbay")
                .clusterTemplateId(template.uuid()).keypair("testkey").nodeCount(2).masterCount(1)
                .labels(template.labels()).build();
    }

    static DeploymentContext context() {
        return DeploymentContext.local(SETTINGS);
    }

    static MesosDriver driver() {
        return new MesosDriver(SETTINGS);
    }
}
