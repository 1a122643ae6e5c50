package dev.magnetar.driver.dcos.monitor.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts a server exactly when its chain leads to the cluster's pinned CA ({@link PinnedCa#check}),
 * and trusts no client.
 *
 * <p>It does not compare the certificate's names with the address dialled. DC/OS issues Admin
 * Router's certificate from a CA it makes for that one cluster at install, naming the masters'
 * private addresses and internal names; the monitor reaches the cluster at a floating IP or a load
 * balancer, which the certificate does not name. The pinned per-cluster CA is the identity check:
 * only that cluster's Admin Router holds a key it certified.
 */
final class PinnedCaTrustManager extends ServerOnlyTrustManager {

    private final PinnedCa ca;

    PinnedCaTrustManager(PinnedCa ca) {
        this.ca = ca;
    }

    @Override
    void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
        ca.check(chain, authType);
    }
}
