package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.DeploymentContext.MonitorAccount;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.port.MonitorAccountRepository.SpareKey;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorAccountsTest {

    final InMemoryDatabase db = new InMemoryDatabase();
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final SecretBox box = new SecretBox(SecretBox.newKey());
    final MonitorAccounts accounts = new MonitorAccounts(db, box, clock);
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

    @Nested
    class SpareKeys {

        final Duration quiet = Duration.ofSeconds(10);
        final BooleanSupplier idle = () -> true;

        @Test
        void spares_are_made_until_the_target_is_stored_and_none_when_it_is() {
            assertThat(accounts.replenishSpares(3, quiet, idle)).isEqualTo(3);
            assertThat(accounts.replenishSpares(3, quiet, idle)).isZero();

            assertThat(db.spares).hasSize(3);
            assertThat(accounts.spares()).isEqualTo(3);
        }

        @Test
        void a_spare_is_stored_sealed_for_itself_with_the_public_half_in_the_clear() {
            accounts.replenishSpares(1, quiet, idle);
            SpareKey spare = db.spares.values().iterator().next();

            assertThat(spare.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
            assertThat(spare.sealedPrivateKey()).doesNotContain("PRIVATE KEY");
            assertThat(box.open(spare.sealedFor(), spare.sealedPrivateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        }

        @Test
        void a_new_cluster_takes_a_spare_and_its_private_key_is_sealed_anew_for_the_cluster() throws Exception {
            accounts.replenishSpares(2, quiet, idle);
            SpareKey first = db.spares.values().iterator().next();

            MonitorAccount account = accounts.ensure(cluster);

            assertThat(account.publicKeyPem()).isEqualTo(first.publicKeyPem());
            assertThat(db.spares).hasSize(1).doesNotContainKey(first.id());
            String sealed = db.accounts.get(cluster.uuid()).sealedPrivateKey();
            assertThat(sealed).isNotEqualTo(first.sealedPrivateKey());
            assertThat(box.open(cluster.uuid(), sealed)).isEqualTo(box.open(first.sealedFor(), first.sealedPrivateKey()));
            assertSignsForItsPublicKey(account);
        }

        @Test
        void a_retried_create_keeps_the_account_it_got_and_takes_no_second_spare() {
            accounts.replenishSpares(2, quiet, idle);
            MonitorAccount first = accounts.ensure(cluster);

            assertThat(accounts.ensure(cluster)).isEqualTo(first);
            assertThat(db.spares).hasSize(1);
        }

        @Test
        void with_no_spare_left_a_cluster_gets_a_key_made_on_the_spot() throws Exception {
            MonitorAccount account = accounts.ensure(cluster);

            assertThat(db.spares).isEmpty();
            assertThat(db.accounts).containsKey(cluster.uuid());
            assertSignsForItsPublicKey(account);
        }

        @Test
        void a_spare_sealed_with_another_service_key_is_dropped_and_the_next_one_taken() {
            MonitorAccounts before = new MonitorAccounts(db, new SecretBox(SecretBox.newKey()), clock);
            before.replenishSpares(1, quiet, idle);
            SpareKey unreadable = db.spares.values().iterator().next();
            accounts.replenishSpares(2, quiet, idle);
            SpareKey readable = db.spares.values().stream().filter(k -> !k.equals(unreadable)).findFirst().orElseThrow();

            MonitorAccount account = accounts.ensure(cluster);

            assertThat(account.publicKeyPem()).isEqualTo(readable.publicKeyPem());
            assertThat(db.spares).isEmpty();
        }

        @Test
        void no_spare_is_made_while_clusters_took_spares_within_the_quiet_time_and_they_are_made_after_it() {
            accounts.replenishSpares(1, quiet, idle);
            accounts.ensure(cluster);

            clock.advance(Duration.ofSeconds(9));
            assertThat(accounts.replenishSpares(5, quiet, idle)).isZero();

            clock.advance(Duration.ofSeconds(1));
            assertThat(accounts.replenishSpares(5, quiet, idle)).isEqualTo(5);
        }

        @Test
        void no_spare_is_made_while_there_is_other_work_and_making_stops_when_some_arrives() {
            assertThat(accounts.replenishSpares(3, quiet, () -> false)).isZero();

            AtomicInteger asked = new AtomicInteger();
            assertThat(accounts.replenishSpares(3, quiet, () -> asked.incrementAndGet() <= 2)).isEqualTo(2);
            assertThat(db.spares).hasSize(2);
        }

        @Test
        void a_key_made_on_the_spot_does_not_hold_back_the_spares() {
            accounts.ensure(cluster);

            assertThat(accounts.replenishSpares(1, quiet, idle)).isEqualTo(1);
        }

        private void assertSignsForItsPublicKey(MonitorAccount account) throws Exception {
            String privatePem = accounts.credentials(cluster.uuid()).get(MonitorContext.SERVICE_ACCOUNT_PRIVATE_KEY);
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(account.publicKeyPem())));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update("login".getBytes(StandardCharsets.UTF_8));
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update("login".getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(signer.sign())).isTrue();
        }
    }

    private static String body(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(body(pem));
    }
}
