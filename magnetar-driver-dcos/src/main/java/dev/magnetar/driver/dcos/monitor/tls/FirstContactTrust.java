package dev.magnetar.driver.dcos.monitor.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The TLS context of the one request made before a cluster has a pinned CA: {@code GET
 * /ca/dcos-ca.crt}. Nothing is known to trust yet, so the handshake accepts the chain it is shown
 * and the caller judges afterwards: the CA that comes back is pinned only if the chain Admin Router
 * presented on that very connection leads to it ({@link PinnedCa#check}). No credential or token is
 * ever sent with this context, and no other request uses it.
 */
public final class FirstContactTrust {

    private FirstContactTrust() {
    }

    public static SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new AcceptThenJudge()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }

    /** Accepts a server's chain for the caller to judge against what the server then sends. */
    private static final class AcceptThenJudge extends ServerOnlyTrustManager {

        @Override
        void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
        }
    }
}
