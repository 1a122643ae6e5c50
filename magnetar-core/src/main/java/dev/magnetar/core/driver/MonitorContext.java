package dev.magnetar.core.driver;

import java.time.Duration;
import java.util.Map;

/**
 * What a monitor may use for one poll.
 *
 * @param requestTimeout bound on each HTTP request to the cluster
 * @param credentials    the cluster's monitoring credentials, by name (e.g. {@code service_account_uid},
 *                       {@code service_account_private_key} for DC/OS with oauth); empty when none
 * @param session        what the monitor kept for this cluster at earlier polls (its login token), and
 *                       where it keeps what later polls should reuse
 */
public record MonitorContext(Duration requestTimeout, Map<String, String> credentials, MonitorSession session) {

    /** Credential key: the uid of the service account the cluster was installed with. */
    public static final String SERVICE_ACCOUNT_UID = "service_account_uid";
    /** Credential key: that account's RSA private key, PEM PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public static final String SERVICE_ACCOUNT_PRIVATE_KEY = "service_account_private_key";

    public MonitorContext {
        credentials = Map.copyOf(credentials);
        if (session == null) {
            throw new IllegalArgumentException("a monitor context needs a session");
        }
    }

    /** A context whose session keeps nothing beyond this poll. */
    public MonitorContext(Duration requestTimeout, Map<String, String> credentials) {
        this(requestTimeout, credentials, MonitorSession.inMemory());
    }

    @Override
    public String toString() {
        return "MonitorContext[requestTimeout=" + requestTimeout + ", credentials=" + credentials.keySet() + "]";
    }
}
