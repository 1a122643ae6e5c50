package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Database;

/**
 * Magnum's certificates API ({@code /v1/certificates}) over what Magnetar can stand behind: the CA
 * a client must trust to reach the cluster's API. For DC/OS that is Admin Router's own CA, pinned
 * by the monitor at first contact; DC/OS Open takes no custom CA at install (only Enterprise does),
 * so Magnetar holds no CA key, and signing a CSR or rotating the CA is not supported by any driver.
 * docs/design/0007-cluster-certificates.md gives the reasons.
 */
public final class CertificateService {

    private final Database database;
    private final ClusterService clusters;
    private final ClusterTemplateService templates;

    public CertificateService(Database database, ClusterService clusters, ClusterTemplateService templates) {
        this.database = database;
        this.clusters = clusters;
        this.templates = templates;
    }

    /** A cluster's CA certificate, PEM, for whoever may see the cluster (readers included). */
    public ClusterCa caOf(RequestContext context, String ident) {
        Cluster cluster = clusters.get(context, ident);
        ClusterDriver driver = templates.driverFor(clusters.templateOf(cluster));
        if (!driver.servesPinnedCa()) {
            throw notSupported("get_ca_certificate");
        }
        return database.transaction(repos -> repos.caPins().find(cluster.uuid()))
                .map(pin -> new ClusterCa(cluster.uuid(), pin.certificatePem()))
                .orElseThrow(() -> MagnetarException.invalid("The CA of cluster " + cluster.name()
                        + " is not known yet (status " + cluster.status() + "): it is the CA its Admin Router "
                        + "presents, pinned when Magnetar first reaches it after CREATE_COMPLETE."));
    }

    /**
     * {@code POST /v1/certificates}: refused for every driver once the caller may write to the
     * cluster and the CSR is there, because no CA Magnetar could sign with is trusted by the cluster.
     *
     * @param clusterUuid the cluster, by uuid only (Magnum's body type); an unknown one is a 400
     */
    public void sign(RequestContext context, String clusterUuid, String csr) {
        Policy.requireWriter(context, "certificate:create");
        if (csr == null || csr.isBlank()) {
            throw MagnetarException.invalid("Received invalid csr: the csr must not be empty.");
        }
        try {
            clusters.get(context, clusterUuid);
        } catch (MagnetarException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                throw MagnetarException.invalid(e.getMessage());
            }
            throw e;
        }
        throw notSupported("sign_certificate");
    }

    /** {@code PATCH /v1/certificates/{cluster}}: Magnum's checks in Magnum's order, then not supported. */
    public void rotate(RequestContext context, String ident) {
        Cluster cluster = clusters.get(context, ident);
        Policy.requireWriter(context, "certificate:rotate_ca");
        ClusterTemplate template = clusters.templateOf(cluster);
        if (template.tlsDisabled()) {
            throw MagnetarException.invalid("Rotating the CA certificate on a non-TLS cluster is not supported");
        }
        throw notSupported("rotate_ca_certificate");
    }

    /** Magnum's {@code NotSupported} for a driver that lacks the operation, a 400. */
    private static MagnetarException notSupported(String operation) {
        return MagnetarException.invalid("'" + operation + "' is not supported by this driver.");
    }

    /** A cluster's CA as the API shows it. */
    public record ClusterCa(String clusterUuid, String pem) {
    }
}
