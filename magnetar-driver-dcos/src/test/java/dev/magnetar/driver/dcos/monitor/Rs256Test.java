package dev.magnetar.driver.dcos.monitor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Rs256Test {

    private static final byte[] SIGNING_INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiJtYWduZXRhci0xIn0"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_signature_is_the_one_the_jdk_makes_and_verifies() throws Exception {
        KeyPair pair = MonitoredClusters.rsaKeyPair();

        byte[] signed = Rs256.sign(Rs256.privateKey(pair.getPrivate().getEncoded()), SIGNING_INPUT);

        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initSign(pair.getPrivate());
        jdk.update(SIGNING_INPUT);
        assertThat(signed).as("PKCS#1 v1.5 is deterministic").isEqualTo(jdk.sign());
        jdk.initVerify(pair.getPublic());
        jdk.update(SIGNING_INPUT);
        assertThat(jdk.verify(signed)).isTrue();
    }

    @Test
    void on_linux_x86_64_the_signatures_come_from_conscrypt() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "Conscrypt ships this platform's library");

        assertThat(Rs256.providerName()).as("BoringSSL's RSA, not the JDK fallback").isEqualTo("Conscrypt");
    }

    @Test
    void a_key_that_is_not_rsa_is_refused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);

        assertThatThrownBy(() -> Rs256.privateKey(ec.generateKeyPair().getPrivate().getEncoded()))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
