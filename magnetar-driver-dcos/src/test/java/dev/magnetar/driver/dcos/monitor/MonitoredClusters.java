package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Settled DC/OS clusters as the monitor receives them, and service-account keys in PEM. */
final class MonitoredClusters {

    static final ClusterTemplate TEMPLATE = ClusterTemplate.builder().uuid("7c1e0d6e-0f54-4c1a-9d3e-5b2f4a8c9e01")
            .name("dcos").coe("dcos").clusterDistro("centos").build();

    private MonitoredClusters() {
    }

    static Cluster cluster(String apiAddress, int masters, int agents, int publicAgents, boolean oauth) {
        Map<String, String> labels = new HashMap<>();
        labels.put("oauth_enabled", Boolean.toString(oauth));
        labels.put("dcos_public_agent_count", Integer.toString(publicAgents));
        return Cluster.builder().uuid("cluster-" + apiAddress.hashCode()).name("dcos")
                .clusterTemplateId(TEMPLATE.uuid()).status(ClusterStatus.CREATE_COMPLETE).masterCount(masters)
                .nodeCount(agents).apiAddress(apiAddress).labels(labels).build();
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** PKCS#8, as Java encodes private keys. */
    static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
