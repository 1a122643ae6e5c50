package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.AuthMethod;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.TestServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keystone auth and Magnum's default policy with tokens from the real Keystone: who may see and
 * change which templates and clusters, for an admin, the owning project's member and reader, and
 * another project's member and reader. Every row of the matrix is checked, and all failures are
 * reported together.
 */
@ExtendWith(LoopbackOpenStack.class)
class KeystoneTenancyIT {

    private static LookupStandIn lookups;
    private static TestServer server;
    private static final Map<String, Caller> callers = new HashMap<>();
    private static String privateTemplate;
    private static String publicTemplate;
    private static String alphaCluster;

    @BeforeAll
    static void start() {
        lookups = LookupStandIn.start(LoopbackCloud.keystone());
        Map<Option, String> options = LoopbackCloud.serverOptions();
        options.put(Option.KEYSTONE_TOKEN_CACHE_MAX_AGE, "3"); // how long a revoked token may still pass
        server = TestServer.start(options);
        callers.put("admin", LoopbackCloud.caller(server.url(), "admin", "admin"));
        for (String project : List.of("alpha", "beta")) {
            for (String role : List.of("member", "reader")) {
                String user = project + "-" + role;
                callers.put(user, LoopbackCloud.caller(server.url(), user, project));
            }
        }
        privateTemplate = created(as("alpha-member").post("/v1/clustertemplates",
                LoopbackCloud.blueprintTemplate("alpha-private")), 201);
        publicTemplate = created(as("alpha-member").post("/v1/clustertemplates",
                LoopbackCloud.blueprintTemplate("alpha-published")), 201);
        assertThat(as("admin").patch("/v1/clustertemplates/" + publicTemplate, replace("/public", true)).status())
                .as("an admin publishes alpha's template").isEqualTo(200);
        alphaCluster = created(as("alpha-member").post("/v1/clusters", Map.of("name", "alpha-tenancy",
                "cluster_template_id", privateTemplate, "node_count", 1, "master_count", 1)), 202);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            Caller alpha = callers.get("alpha-member");
            if (alpha != null) {
                Bays.deleteAll(alpha, Duration.ofSeconds(90));
                alpha.delete("/v1/clustertemplates/" + privateTemplate);
                alpha.delete("/v1/clustertemplates/" + publicTemplate);
            }
            server.close();
        }
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    void a_request_without_a_valid_token_is_refused_with_keystones_challenge() {
        Caller anonymous = new Caller("anonymous", server.url(), null);
        Api.Response none = anonymous.get("/v1/clusters");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Keystone uri=\"" + LoopbackOpenStack.authUrl() + "\"");
        JsonNode error = none.json().path("errors").path(0);
        assertThat(error.path("status").asInt()).isEqualTo(401);
        assertThat(error.path("code").asText()).isEqualTo("client");
        assertThat(error.path("detail").asText()).contains("requires authentication");

        Api.Response forged = new Caller("forger", server.url(), "gAAAAABforged-token-that-keystone-never-issued")
                .get("/v1/clustertemplates");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("WWW-Authenticate")).startsWith("Keystone uri=");

        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/v1").status()).isEqualTo(200);
        assertThat(anonymous.get("/healthcheck").status()).isEqualTo(200);
    }

    @Test
    void a_revoked_token_stops_working_once_its_validation_ages_out() {
        IssuedToken fresh = LoopbackCloud.keystone().authenticate(AuthMethod.Password.byName("beta-member", "Default",
                "beta-member-secret", "beta", "Default"));
        Caller beta = new Caller("beta-member (fresh token)", server.url(), fresh.value());
        assertThat(beta.get("/v1/clusters").status()).isEqualTo(200);

        LoopbackCloud.keystone().revoke(fresh.value());

        Slowly.await("the revoked token refused", Duration.ofSeconds(15), () -> beta.get("/v1/clusters").status(),
                status -> status == 401);
    }

    @Test
    void projects_see_and_change_only_what_magnums_policy_allows() {
        SoftAssertions matrix = new SoftAssertions();
        String priv = "/v1/clustertemplates/" + privateTemplate;
        String pub = "/v1/clustertemplates/" + publicTemplate;
        String cluster = "/v1/clusters/" + alphaCluster;
        String betaProject = LoopbackCloud.projectId("beta");
        String alphaProject = LoopbackCloud.projectId("alpha");

        // A private template: its project and admins only; readers read.
        expect(matrix, "admin", "GET", priv, null, 200);
        expect(matrix, "alpha-member", "GET", priv, null, 200);
        expect(matrix, "alpha-reader", "GET", priv, null, 200);
        expect(matrix, "beta-member", "GET", priv, null, 404);
        expect(matrix, "beta-reader", "GET", priv, null, 404);
        expect(matrix, "beta-member", "PATCH", priv, replace("/name", "taken"), 404);
        expect(matrix, "beta-member", "DELETE", priv, null, 404);
        expect(matrix, "alpha-reader", "PATCH", priv, replace("/name", "renamed"), 403);
        expect(matrix, "alpha-reader", "DELETE", priv, null, 403);
        expect(matrix, "alpha-member", "PATCH", priv, replace("/public", true), 403);
        expect(matrix, "alpha-member", "PATCH", priv, replace("/hidden", true), 403);
        expect(matrix, "alpha-member", "PATCH", priv, replace("/name", "alpha-private-renamed"), 200);
        expect(matrix, "admin", "PATCH", priv, replace("/name", "alpha-private"), 200);

        // A public template: everyone reads it; its owner and admins change it; only admins publish or hide.
        expect(matrix, "beta-member", "GET", pub, null, 200);
        expect(matrix, "beta-reader", "GET", pub, null, 200);
        expect(matrix, "beta-member", "PATCH", pub, replace("/name", "hijacked"), 403);
        expect(matrix, "beta-member", "DELETE", pub, null, 403);
        expect(matrix, "alpha-member", "PATCH", pub, replace("/hidden", true), 403);
        expect(matrix, "alpha-member", "PATCH", pub, replace("/dns_nameserver", "9.9.9.9"), 200);
        expect(matrix, "admin", "PATCH", pub, replace("/hidden", false), 200);
        matrix.assertThat(names(as("beta-member").get("/v1/clustertemplates")))
                .as("beta's template list").contains("alpha-published").doesNotContain("alpha-private");
        matrix.assertThat(names(as("alpha-member").get("/v1/clustertemplates")))
                .as("alpha's template list").contains("alpha-published", "alpha-private");

        // Creating: readers never; members privately; publishing at create is for admins.
        expect(matrix, "alpha-reader", "POST", "/v1/clustertemplates", LoopbackCloud.blueprintTemplate("by-reader"), 403);
        Map<String, Object> published = new java.util.LinkedHashMap<>(LoopbackCloud.blueprintTemplate("self-published"));
        published.put("public", true);
        expect(matrix, "beta-member", "POST", "/v1/clustertemplates", published, 403);
        expect(matrix, "alpha-reader", "POST", "/v1/clusters", Map.of("name", "by-reader",
                "cluster_template_id", privateTemplate, "node_count", 1), 403);
        expect(matrix, "beta-member", "POST", "/v1/clusters", Map.of("name", "on-alphas-template",
                "cluster_template_id", privateTemplate, "node_count", 1), 400); // Magnum: a body's unknown template

        // A cluster: its project and admins; readers read only.
        expect(matrix, "admin", "GET", cluster, null, 200);
        expect(matrix, "alpha-member", "GET", cluster, null, 200);
        expect(matrix, "alpha-reader", "GET", cluster, null, 200);
        expect(matrix, "beta-member", "GET", cluster, null, 404);
        expect(matrix, "beta-reader", "GET", cluster, null, 404);
        expect(matrix, "beta-member", "PATCH", cluster, replace("/node_count", 2), 404);
        expect(matrix, "beta-member", "DELETE", cluster, null, 404);
        expect(matrix, "alpha-reader", "PATCH", cluster, replace("/node_count", 2), 403);
        expect(matrix, "alpha-reader", "DELETE", cluster, null, 403);
        matrix.assertThat(as("beta-member").get("/v1/clusters").json().path("clusters")).as("beta's clusters").isEmpty();

        // Administrative reads.
        expect(matrix, "admin", "GET", "/v1/mservices", null, 200);
        expect(matrix, "alpha-member", "GET", "/v1/mservices", null, 403);
        expect(matrix, "alpha-reader", "GET", "/v1/mservices", null, 403);
        expect(matrix, "alpha-member", "GET", "/v1/stats?project_id=" + alphaProject, null, 200);
        expect(matrix, "alpha-member", "GET", "/v1/stats?project_id=" + betaProject, null, 403);
        expect(matrix, "admin", "GET", "/v1/stats?project_id=" + betaProject, null, 200);
        expect(matrix, "alpha-member", "GET", "/v1/quotas/" + betaProject + "/Cluster", null, 403);
        expect(matrix, "alpha-member", "POST", "/v1/quotas", Map.of("project_id", alphaProject,
                "resource", "Cluster", "hard_limit", 100), 403);
        matrix.assertAll();
    }

    private static void expect(SoftAssertions matrix, String who, String method, String path, Object body, int status) {
        Api.Response response = as(who).send(method, path, body);
        matrix.assertThat(response.status()).as("%s %s %s → %s", who, method, path, response.body()).isEqualTo(status);
    }

    private static Caller as(String who) {
        return callers.get(who);
    }

    private static List<Map<String, Object>> replace(String path, Object value) {
        return List.of(Map.of("op", "replace", "path", path, "value", value));
    }

    private static String created(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json().path("uuid").asText();
    }

    private static List<String> names(Api.Response list) {
        return StreamSupport.stream(list.json().path("clustertemplates").spliterator(), false)
                .map(t -> t.path("name").asText()).toList();
    }
}
