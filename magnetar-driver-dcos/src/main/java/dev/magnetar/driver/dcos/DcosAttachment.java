package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClientAttachment;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;

import java.util.List;
import java.util.Optional;

/**
 * How a user attaches the DC/OS CLI and UI to a cluster: {@code dcos cluster setup <url>
 * --ca-certs=dcos-ca.crt} at Admin Router (its {@code api_address}, over HTTPS), trusting the CA
 * the monitor pinned for the cluster, the UI at the same address, and, with {@code oauth_enabled}, the
 * browser login Open DC/OS offers (docs/dcos-driver.md, "Using your cluster").
 */
final class DcosAttachment {

    /** The name DC/OS's own documentation gives the CA file. */
    static final String CA_FILE = "dcos-ca.crt";

    private DcosAttachment() {
    }

    /**
     * @throws MagnetarException INVALID while no CA is pinned yet: a setup without it would teach the
     *                           user to trust whatever answers
     */
    static ClientAttachment of(Cluster cluster, boolean oauth, Optional<String> pinnedCa) {
        String address = cluster.observed().apiAddress().endsWith("/")
                ? cluster.observed().apiAddress().substring(0, cluster.observed().apiAddress().length() - 1) : cluster.observed().apiAddress();
        String url = address.regionMatches(true, 0, "http://", 0, 7) ? "https://" + address.substring(7) : address;
        String ca = pinnedCa.orElseThrow(() -> MagnetarException.invalid("Cluster " + cluster.name()
                + " has no pinned Admin Router CA yet: the monitor fetches and pins it at its first poll after "
                + "CREATE_COMPLETE (health_status is then set). Try again in a moment."));
        String command = "dcos cluster setup " + url + " --ca-certs=" + CA_FILE;
        List<String> login = oauth
                ? List.of("dcos cluster setup prints a login URL: open it in a browser and sign in (Open DC/OS logs "
                        + "in through its OpenID Connect provider; the first user to log in becomes the cluster's "
                        + "superuser), then paste the token it shows.",
                "Later logins: dcos auth login.")
                : List.of();
        return new ClientAttachment(url, url + "/", ca, CA_FILE, command, login);
    }
}
