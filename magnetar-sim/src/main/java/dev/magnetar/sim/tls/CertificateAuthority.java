package dev.magnetar.sim.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A certificate authority made in memory, as DC/OS makes one per cluster at install: a self-signed
 * CA certificate and the server certificates it issues for Admin Router. The simulated DC/OS serves
 * HTTPS with it and publishes its certificate at {@code /ca/dcos-ca.crt}; tests make a second one to
 * present a certificate the monitor must refuse. Keys are EC P-256 (cheap to make). A CA lives in
 * memory only, unless kept in a file ({@link #loadOrCreate}) so that a restarted simulator is still
 * the CA its clusters' pins name.
 */
public final class CertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ENTRY = "ca";
    /** PKCS#12 needs one; the file's owner-only mode is what protects the key. */
    private static final char[] STORE_PASSWORD = "magnetar-simulated-ca".toCharArray();

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private CertificateAuthority(X500Name name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new CA whose subject is {@code CN=<commonName>}. */
    public static CertificateAuthority create(String commonName) {
        try {
            X500Name subject = new X500Name("CN=" + commonName);
            KeyPair keys = newKeys();
            Instant now = Instant.now();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(subject, keys, sign(builder, keys));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a certificate authority", e);
        }
    }

    /**
     * The CA kept in {@code file} (PKCS#12, owner-only, written whole or not at all), made and kept
     * there on first use: a restarted embedded default serves certificates from the same CA, so the
     * CAs its monitor pinned still hold.
     */
    public static CertificateAuthority loadOrCreate(Path file, String commonName) {
        try {
            if (Files.exists(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, STORE_PASSWORD);
                }
                X509Certificate certificate = (X509Certificate) store.getCertificate(ENTRY);
                PrivateKey key = (PrivateKey) store.getKey(ENTRY, STORE_PASSWORD);
                if (certificate == null || key == null) {
                    throw new IllegalStateException(file + " holds no CA entry '" + ENTRY + "'");
                }
                return new CertificateAuthority(new X500Name(certificate.getSubjectX500Principal().getName()),
                        new KeyPair(certificate.getPublicKey(), key), certificate);
            }
            CertificateAuthority made = create(commonName);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ENTRY, made.keys.getPrivate(), STORE_PASSWORD, new Certificate[]{made.certificate});
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "ca", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, STORE_PASSWORD);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (FileAlreadyExistsException e) {
            return loadOrCreate(file, commonName);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot keep the simulated CA in " + file, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate in PEM, as Admin Router serves it at {@code /ca/dcos-ca.crt}. */
    public String certificatePem() {
        return pem(certificate);
    }

    /**
     * A TLS server context presenting a certificate this CA issues now for {@code ipAddress} (its
     * subject alternative name), with the chain up to this CA.
     */
    public SSLContext serverContext(String ipAddress) {
        try {
            KeyPair serverKeys = newKeys();
            Instant now = Instant.now();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    new X500Name("CN=" + ipAddress), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate server = sign(builder, keys);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("server", serverKeys.getPrivate(), password, new Certificate[]{server, certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a server certificate", e);
        }
    }

    /** PEM with 64-character lines, as OpenSSL writes a certificate. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException("cannot encode a certificate", e));
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuer.getPrivate())));
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }
}
