package dev.magnetar.sim.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept CA is the same CA after a restart, in an owner-only file; a new one is made where none is kept. */
class CertificateAuthorityTest {

    @TempDir
    Path dir;

    @Test
    void aKeptCaIsTheSameCaWhenLoadedAgain() throws Exception {
        Path file = dir.resolve("ca.p12");

        CertificateAuthority first = CertificateAuthority.loadOrCreate(file, "Simulated DC/OS Root CA");
        CertificateAuthority again = CertificateAuthority.loadOrCreate(file, "ignored when kept");

        assertThat(again.certificatePem()).isEqualTo(first.certificatePem());
        assertThat(again.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Simulated DC/OS Root CA");
        again.serverContext("127.0.0.1").getServerSessionContext();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void casMadeInMemoryAreEachTheirOwn() {
        assertThat(CertificateAuthority.create("a").certificatePem())
                .isNotEqualTo(CertificateAuthority.create("a").certificatePem());
        assertThat(CertificateAuthority.create("a").certificate().getBasicConstraints()).isNotNegative();
    }
}
