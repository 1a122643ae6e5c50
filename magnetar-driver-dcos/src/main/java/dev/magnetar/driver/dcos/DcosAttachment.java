package dev.magnetar.driver.dcos;

import dev.magnetar.core.driver.ClientAttachment;
import dev.magnetar.core.model.Cluster;

import java.util.List;

/**
 * How a user attaches the DC/OS CLI and UI to a cluster: {@code dcos cluster setup <url>} at Admin
 * Router (its {@code api_address}), the UI at the same address, and, with {@code oauth_enabled}, the browser login Open DC/OS offers (docs/dcos-driver.md,
 * "Using your cluster").
 */
final class DcosAttachment {

    private DcosAttachment() {
    }

    static ClientAttachment of(Cluster cluster, boolean oauth) {
        String url = cluster.observed().apiAddress().endsWith("/")
                ? cluster.observed().apiAddress().substring(0, cluster.observed().apiAddress().length() - 1) : cluster.observed().apiAddress();
        String command = "dcos cluster setup " + url;
        List<String> login = oauth
                ? List.of("dcos cluster setup prints a login URL: open it in a browser and sign in (Open DC/OS logs "
                        + "in through its OpenID Connect provider; the first user to log in becomes the cluster's "
                        + "superuser), then paste the token it shows.",
                "Later logins: dcos auth login.")
                : List.of();
        return new ClientAttachment(url, url + "/", null, null, command, login);
    }
}
