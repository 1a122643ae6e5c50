package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.driver.dcos.monitor.tls.PinnedCa;
import dev.magnetar.driver.kit.http.BoundedBody;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Trust on first fetch: before a cluster has a pinned CA, its CA certificate is read from a master's
 * Admin Router at {@value #PATH} (no login needed, docs/reference/dcos-facts.md#admin-router-routes)
 * over HTTPS, and kept only if the certificate Admin Router presented on that same connection chains to it. What a man in
 * the middle of that very first request could do is the limit of the scheme (docs/dcos-driver.md,
 * "TLS to Admin Router").
 */
final class CaFetch {

    static final String PATH = "/ca/dcos-ca.crt";
    /** A CA certificate is a few kilobytes; a bundle of this size is no single CA. */
    private static final int MAX_BYTES = 64 * 1024;

    private CaFetch() {
    }

    /**
     * The fetched CA, or why there is none: Admin Router could not be reached at all (said as any
     * other poll that reaches nothing says it), or what it served cannot be pinned.
     */
    record Outcome(Optional<PinnedCa> ca, String failure) {

        static Outcome failed(String why) {
            return new Outcome(Optional.empty(), "cannot pin Admin Router's CA from " + PATH + ": " + why);
        }

        static Outcome unreachable(String apiAddress, String why) {
            return new Outcome(Optional.empty(), "cannot reach Admin Router at " + apiAddress + ": " + why);
        }
    }

    /**
     * @param firstContact a client whose TLS context is {@link dev.magnetar.driver.dcos.monitor.tls.FirstContactTrust}
     * @param apiAddress   the cluster's api_address; read over HTTPS whatever its scheme
     */
    static Outcome fetch(HttpClient firstContact, String apiAddress, Deadline deadline) {
        if (deadline.passed()) {
            return Outcome.unreachable(apiAddress, "no answer within " + deadline.budget().toMillis() + " ms");
        }
        String base = AdminRouter.httpsBase(apiAddress);
        HttpResponse<BoundedBody.Body> response;
        try {
            response = firstContact.sendAsync(HttpRequest.newBuilder(URI.create(base + PATH))
                            .timeout(deadline.remaining()).header("Accept", "application/x-x509-ca-cert").GET().build(),
                    BoundedBody.handler(MAX_BYTES))
                    .orTimeout(deadline.remaining().plusMillis(250).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .join();
        } catch (RuntimeException e) {
            return Outcome.unreachable(apiAddress, AdminRouter.describe(e, deadline));
        }
        BoundedBody.Body body = response.body();
        if (body.status() != 200) {
            return Outcome.failed("HTTP " + body.status());
        }
        if (body.tooLarge()) {
            return Outcome.failed("answer larger than " + MAX_BYTES + " bytes");
        }
        PinnedCa.Parsed parsed = PinnedCa.parse(new String(body.bytes(), StandardCharsets.US_ASCII));
        if (parsed.ca().isEmpty()) {
            return Outcome.failed(parsed.problem());
        }
        Optional<SSLSession> session = response.sslSession();
        if (session.isEmpty()) {
            return Outcome.failed("the answer did not come over TLS");
        }
        try {
            Certificate[] presented = session.get().getPeerCertificates();
            parsed.ca().get().check(Arrays.copyOf(presented, presented.length, X509Certificate[].class), "UNKNOWN");
        } catch (SSLPeerUnverifiedException e) {
            return Outcome.failed("Admin Router presented no certificate");
        } catch (CertificateException e) {
            return Outcome.failed("TLS: " + e.getMessage() + ", so the CA it served is not pinned");
        }
        return new Outcome(parsed.ca(), null);
    }
}
