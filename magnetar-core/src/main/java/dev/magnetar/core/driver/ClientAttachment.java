package dev.magnetar.core.driver;

import java.util.List;
import java.util.Objects;

/**
 * What a user needs to reach a running cluster with the COE's own tools: where it answers, the
 * certificate authority to pin, the command that attaches the COE's command line, and how to log in.
 *
 * @param url           the COE's API and CLI endpoint (DC/OS: Admin Router)
 * @param uiUrl         the web UI
 * @param caCertificate the PEM CA bundle the endpoint's certificate chains to, or null when the
 *                      endpoint is plain HTTP
 * @param caFileName    the file name the setup command expects the CA bundle under, or null
 * @param setupCommand  the command that attaches the COE's CLI, run where {@code caFileName} is
 * @param login         how to log in after the setup, one step a line; empty when no login is needed
 */
public record ClientAttachment(String url, String uiUrl, String caCertificate, String caFileName,
                               String setupCommand, List<String> login) {

    public ClientAttachment {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(setupCommand, "setupCommand");
        login = List.copyOf(login);
    }
}
