package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.DeploymentContext.MonitorAccount;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorAccountsTest {

    final InMemoryDatabase db = new InMemoryDatabase();
    final MonitorAccounts accounts = new MonitorAccounts(db, new SecretBox(SecretBox.newKey()),
            new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
    final Cluster cluster = Cluster.builder().uuid("3f1c9a2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b").name("c")
            .status(ClusterStatus.CREATE_IN_PROGRESS).build();

    @Test
    void a_cluster_gets_one_account_named_after_it_and_a_retried_create_gets_the_same() {
        MonitorAccount first = accounts.ensure(cluster);
        MonitorAccount again = accounts.ensure(cluster);

        assertThat(first.uid()).isEqualTo("magnetar-3f1c9a2e7b4d");
        assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(again).isEqualTo(first);
        assertThat(db.accounts).hasSize(1);
    }

    @Test
    void the_private_key_is_stored_sealed_and_opens_to_the_pair_of_the_public_key() throws Exception {
        MonitorAccount account = accounts.ensure(cluster);
        Map<String, String> credentials = accounts.credentials(cluster.uuid());
        String privatePem = credentials.get(MonitorContext.SERVICE_ACCOUNT_PRIVATE_KEY);

        assertThat(db.accounts.get(cluster.uuid()).sealedPrivateKey()).doesNotContain("PRIVATE KEY")
                .doesNotContain(body(privatePem).substring(0, 40));
        assertThat(credentials).containsEntry(MonitorContext.SERVICE_ACCOUNT_UID, account.uid());

        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(account.publicKeyPem())));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update("login".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update("login".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(((java.security.interfaces.RSAKey) publicKey).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void a_cluster_without_an_account_has_no_credentials() {
        assertThat(accounts.credentials(cluster.uuid())).isEmpty();
        assertThat(accounts.find(cluster)).isEmpty();
    }

    private static String body(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(body(pem));
    }
}
