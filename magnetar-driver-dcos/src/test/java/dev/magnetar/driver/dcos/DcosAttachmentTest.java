package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClientAttachment;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What cluster-config and dcos-attach hand a user: Admin Router over HTTPS and the CA pinned for it. */
class DcosAttachmentTest {

    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    private static Cluster cluster(String apiAddress) {
        return Cluster.builder().uuid("4b6c1c5e-1d2f-4a37-9a8e-0c1d2e3f4a5b").name("dcos-1").apiAddress(apiAddress).build();
    }

    @Test
    void theSetupCommandTrustsThePinnedCaFromItsFile() {
        ClientAttachment attachment = DcosAttachment.of(cluster("https://203.0.113.10"), false, Optional.of(CA));

        assertThat(attachment.url()).isEqualTo("https://203.0.113.10");
        assertThat(attachment.uiUrl()).isEqualTo("https://203.0.113.10/");
        assertThat(attachment.caCertificate()).isEqualTo(CA);
        assertThat(attachment.caFileName()).isEqualTo("dcos-ca.crt");
        assertThat(attachment.setupCommand()).isEqualTo("dcos cluster setup https://203.0.113.10 --ca-certs=dcos-ca.crt");
        assertThat(attachment.login()).isEmpty();
    }

    @Test
    void anAddressStoredAsHttpIsHandedOutAsHttps() {
        ClientAttachment attachment = DcosAttachment.of(cluster("http://203.0.113.10/"), true, Optional.of(CA));

        assertThat(attachment.url()).isEqualTo("https://203.0.113.10");
        assertThat(attachment.login()).hasSize(2);
    }

    @Test
    void withoutAPinnedCaThereIsNoAttachmentYet() {
        assertThatThrownBy(() -> DcosAttachment.of(cluster("https://203.0.113.10"), false, Optional.empty()))
                .isInstanceOf(MagnetarException.class)
                .hasMessageContaining("Cluster dcos-1 has no pinned Admin Router CA yet")
                .hasMessageContaining("Try again in a moment");
    }
}
