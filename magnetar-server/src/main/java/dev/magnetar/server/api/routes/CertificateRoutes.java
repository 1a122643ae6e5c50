package dev.magnetar.server.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.service.CertificateService;
import dev.magnetar.core.service.CertificateService.ClusterCa;
import dev.magnetar.core.service.Identifiers;
import dev.magnetar.server.api.ApiVersion;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import dev.magnetar.server.api.input.FieldReader;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.Set;

/**
 * Magnum's {@code /v1/certificates}: the cluster's CA ({@code GET}), CSR signing ({@code POST}) and
 * CA rotation ({@code PATCH}, microversion 1.5 and later). What each answers, and why signing and
 * rotation are refused, is in docs/design/0007-cluster-certificates.md.
 */
public final class CertificateRoutes {

    private static final Set<String> SIGN_FIELDS = Set.of("cluster_uuid", "bay_uuid", "csr");

    private final CertificateService certificates;

    public CertificateRoutes(CertificateService certificates) {
        this.certificates = certificates;
    }

    public void register(Javalin app, String prefix) {
        app.get(prefix + "/certificates/{ident}", this::show);
        app.post(prefix + "/certificates", this::sign);
        app.patch(prefix + "/certificates/{ident}", this::rotate);
    }

    private void show(Context http) {
        ClusterCa ca = certificates.caOf(Requests.context(http), http.pathParam("ident"));
        ObjectNode body = Json.object();
        body.put("cluster_uuid", ca.clusterUuid());
        body.put("bay_uuid", ca.clusterUuid());
        body.put("pem", ca.pem());
        body.set("links", Json.links(Requests.baseUrl(http), "certificates", ca.clusterUuid()));
        http.json(body);
    }

    /** Magnum takes the cluster as {@code cluster_uuid} or the older {@code bay_uuid}, a uuid either way. */
    private void sign(Context http) {
        FieldReader in = FieldReader.of(Requests.body(http), "certificate", SIGN_FIELDS);
        String field = in.has("cluster_uuid") || !in.has("bay_uuid") ? "cluster_uuid" : "bay_uuid";
        String cluster = in.string(field, 36);
        if (cluster == null) {
            throw FieldReader.missing("cluster_uuid");
        }
        if (!Identifiers.looksLikeUuid(cluster)) {
            throw FieldReader.invalid(field, cluster, "Expected a UUID but received " + cluster + ".");
        }
        certificates.sign(Requests.context(http), cluster, in.string("csr", 65_536));
    }

    private void rotate(Context http) {
        ApiVersion version = Requests.version(http);
        if (!version.atLeast(ApiVersion.CA_ROTATION)) {
            throw new ApiVersion.Unacceptable("Version " + version
                    + " was requested but the requested API rotate_ca is not supported for this version.");
        }
        certificates.rotate(Requests.context(http), http.pathParam("ident"));
        http.status(202);
    }
}
