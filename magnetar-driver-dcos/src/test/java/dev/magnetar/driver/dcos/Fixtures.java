package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;

import java.util.Map;

/** The blueprint's baymodel and bay, as the tests start from them. */
final class Fixtures {

    static final Map<String, String> BLUEPRINT_LABELS = Map.of("isolation", "docker/volume", "launcher", "linux",
            "image_providers", "docker");

    static final DriverSettings SETTINGS = new DriverSettings(Map.of(DcosDriver.SETTING_INSTALLER_URL,
            "http://files.example.org/dcos/2.2.0/dcos_generate_config.sh"));

    private Fixtures() {
    }

    /** {@code baymodel-create --name dcosbaymodel ... --labels isolation=docker/volume,...}. */
    static ClusterTemplate blueprintTemplate() {
        return ClusterTemplate.builder().uuid("5d12f6fd-a196-4bf0-ae4c-1f639a523a52").name("dcosbaymodel")
                .coe("dcos").imageId("dcos-centos-7.2").keypairId("testkey").externalNetworkId("1hsdhs88sddds889")
                .dnsNameserver("8.8.8.8").flavorId("m1.small").dockerVolumeSize(5).clusterDistro("centos")
                .labels(BLUEPRINT_LABELS).build();
    }

    /** {@code bay-create --name dcosbay --baymodel dcosbaymodel --node-count 1}. */
    static Cluster blueprintCluster(ClusterTemplate template) {
        return Cluster.builder().uuid("b2a9c0a4-3c1e-4f0e-9a57-0d5c3a1f2e10").name("dcosbay")
                .clusterTemplateId(template.uuid()).keypair("testkey").nodeCount(1).masterCount(1)
                .labels(template.labels()).build();
    }

    static DeploymentContext context() {
        return DeploymentContext.local(SETTINGS);
    }

    /** The uid and public key of the account Magnetar's monitor logs in with (a fixed test key). */
    static DeploymentContext.MonitorAccount monitorAccount() {
        try (java.io.InputStream in = Fixtures.class.getResourceAsStream("/keys/monitor-account.pub.pem")) {
            return new DeploymentContext.MonitorAccount("magnetar-monitor-b2a9c0a4",
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static DeploymentContext contextWithMonitorAccount() {
        DeploymentContext local = context();
        return new DeploymentContext(local.authUrl(), local.regionName(), local.projectName(), local.domainName(),
                local.nodeCredential(), local.settings(), monitorAccount());
    }
}
