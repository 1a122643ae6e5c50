package dev.magnetar.driver.dcos.monitor;

import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) for the monitor's login JWTs, from Conscrypt
 * (BoringSSL) when its native library loads on this machine, else from the JDK. Both make the same
 * bytes: PKCS#1 v1.5 signatures are deterministic.
 *
 * <p>Why not just the JDK: a cluster's first poll signs with the cluster's own RSA-2048 key, so a
 * sweep over many new clusters is a signature per cluster; with the JDK's RSA that was about a third
 * of the first sweep's CPU over 10,000 clusters, and its warm-up kept the JIT busy too
 * ({@code BENCHMARKS.md}, "Monitor sweep"). Conscrypt is used as a provider instance for these
 * signatures only; it is not installed JVM-wide, so TLS and everything else stay on the JDK.
 */
final class Rs256 {

    private static final Logger LOG = LoggerFactory.getLogger(Rs256.class);
    private static final Provider PROVIDER = chooseProvider();

    private Rs256() {
    }

    /** The provider signing here: {@code Conscrypt} or the JDK's. */
    static String providerName() {
        return PROVIDER == null ? "JDK" : PROVIDER.getName();
    }

    /** An RSA private key from its PKCS#8 DER encoding, in the form the signing provider uses. */
    static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory factory = PROVIDER == null ? KeyFactory.getInstance("RSA") : KeyFactory.getInstance("RSA", PROVIDER);
        return factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature rs256 = PROVIDER == null ? Signature.getInstance("SHA256withRSA")
                : Signature.getInstance("SHA256withRSA", PROVIDER);
        rs256.initSign(key);
        rs256.update(data);
        return rs256.sign();
    }

    private static Provider chooseProvider() {
        try {
            Conscrypt.checkAvailability();
            return Conscrypt.newProvider();
        } catch (LinkageError | RuntimeException e) {
            LOG.info("Conscrypt's native library does not load here ({}); DC/OS logins are signed by the JDK",
                    e.toString());
            return null;
        }
    }
}
