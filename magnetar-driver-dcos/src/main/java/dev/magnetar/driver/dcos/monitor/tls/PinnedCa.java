package dev.magnetar.driver.dcos.monitor.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one CA a cluster's Admin Router is trusted under: the certificate fetched from
 * {@code /ca/dcos-ca.crt} at the monitor's first contact and stored with the cluster. Its
 * {@link #sslContext()} trusts this CA and nothing else (not the JDK's default CAs), through the
 * JDK's own PKIX validation; {@link #check} is the same decision applied to a chain already in hand.
 */
public final class PinnedCa {

    private final String pem;
    private final X509Certificate certificate;
    private final String fingerprint;
    private final X509TrustManager pkix;

    private PinnedCa(String pem, X509Certificate certificate) throws GeneralSecurityException, IOException {
        this.pem = pem;
        this.certificate = certificate;
        this.fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("pinned-ca", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trusted);
        X509TrustManager found = null;
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                found = x509;
            }
        }
        if (found == null) {
            throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
        }
        this.pkix = found;
    }

    /** A pin read back from its PEM, or why the PEM is not a single CA certificate. */
    public record Parsed(Optional<PinnedCa> ca, String problem) {
    }

    /**
     * Reads one CA certificate from PEM: exactly one certificate, which must be a CA (basic
     * constraints) and currently valid.
     */
    public static Parsed parse(String pem) {
        if (pem == null || pem.isBlank()) {
            return new Parsed(Optional.empty(), "no certificate");
        }
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.size() != 1 || !(certificates.iterator().next() instanceof X509Certificate x509)) {
                return new Parsed(Optional.empty(), "expected one X.509 certificate, found " + certificates.size());
            }
            if (x509.getBasicConstraints() < 0) {
                return new Parsed(Optional.empty(), "the certificate of " + x509.getSubjectX500Principal().getName()
                        + " is not a CA certificate");
            }
            x509.checkValidity();
            return new Parsed(Optional.of(new PinnedCa(pem, x509)), null);
        } catch (CertificateException e) {
            return new Parsed(Optional.empty(), "not a usable certificate: " + e.getMessage());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    public String pem() {
        return pem;
    }

    /** SHA-256 of the certificate's DER, colon-separated hex, as {@code openssl x509 -fingerprint -sha256} shows it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The CA's subject, e.g. {@code CN=DC/OS Root CA ...}. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    /**
     * Whether a server's chain (leaf first) leads to this CA, as the JDK's PKIX validation judges it.
     *
     * @throws CertificateException naming the chain's leaf and issuer and this CA when it does not
     */
    public void check(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            X509Certificate leaf = chain.length == 0 ? null : chain[0];
            throw new NotPinnedCaException("the certificate Admin Router presented"
                    + (leaf == null ? "" : " (" + leaf.getSubjectX500Principal().getName() + ", issued by "
                    + leaf.getIssuerX500Principal().getName() + ")")
                    + " does not chain to the cluster's pinned CA (" + subject() + ", SHA-256 " + fingerprint + ")",
                    e);
        }
    }

    /**
     * A TLS context that trusts this CA alone. Host names are not checked (see
     * {@link PinnedCaTrustManager}): the CA is the cluster's own, so a certificate it issued is the
     * cluster's whatever address it was reached at.
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new PinnedCaTrustManager(this)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }

    /** A chain that does not lead to the pinned CA; its message names both sides. */
    public static final class NotPinnedCaException extends CertificateException {
        NotPinnedCaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
