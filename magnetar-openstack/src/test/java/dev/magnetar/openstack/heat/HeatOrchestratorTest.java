package dev.magnetar.openstack.heat;

import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.OrchestratorException.Kind;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.StubServer;
import dev.magnetar.openstack.http.StubServer.Answer;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneSettings;
import dev.magnetar.openstack.keystone.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HeatOrchestrator} against a stubbed Keystone and Heat: status mapping, retries, auth. */
class HeatOrchestratorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final StackCredential CLUSTER = new StackCredential("alpha-id", "cluster-user-id", "derived-pw");
    private static final String STACKS = "/heat/v1/alpha-id/stacks";

    private final StubServer stub = new StubServer();
    private final HeatOrchestrator heat;

    HeatOrchestratorTest() throws IOException {
        heat = orchestrator(stub);
        Tokens.issue(stub, "cluster-token", Tokens.body("cluster-u", "alpha", "member", NOW.plusSeconds(3600),
                Map.of("orchestration", stub.uri("/heat/v1/alpha-id").toString())));
    }

    private static HeatOrchestrator orchestrator(StubServer server) {
        MutableClock clock = new MutableClock(NOW);
        OpenStackHttp http = new OpenStackHttp(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .build(), Duration.ofSeconds(5), d -> { });
        RetryPolicy twice = new RetryPolicy(2, Duration.ZERO, Duration.ZERO);
        KeystoneClient keystone = new KeystoneClient(new KeystoneSettings(server.uri("/v3"), "magnetar", "pw", null,
                "service", null, null, null, null, null, 0, null, twice), http, clock);
        return new HeatOrchestrator(keystone, new HeatSettings(null, null, twice, null, Map.of()), http, clock);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static StackRequest request(List<String> tags) {
        return new StackRequest("c1-abc", new StackSpec("heat_template_version: 2018-08-31\n", Map.of(), "", Map.of()),
                60, true, tags, CLUSTER);
    }

    private static String shown(String id, String status, List<String> tags) {
        return """
                {"stack": {"id": "%s", "stack_name": "c1-abc", "stack_status": "%s", "stack_status_reason": "r",
                 "tags": %s, "parameters": {}, "outputs": []}}""".formatted(id, status,
                tags.isEmpty() ? "null" : "[\"" + String.join("\",\"", tags) + "\"]");
    }

    @Test
    void createsWithTheClusterCredentialAtTheEndpointOfItsCatalogue() {
        stub.on("POST", STACKS, Answer.json(201, "{\"stack\": {\"id\": \"s-1\", \"links\": []}}"));

        assertThat(heat.create(request(List.of("magnetar")))).isEqualTo("s-1");

        StubServer.Request auth = stub.requests().get(0);
        assertThat(auth.body()).contains("\"id\":\"cluster-user-id\"", "\"password\":\"derived-pw\"",
                "\"project\":{\"id\":\"alpha-id\"}");
        assertThat(stub.requests().get(1).header("X-Auth-Token")).isEqualTo("cluster-token");
    }

    @Test
    void aCreateThatFindsItsOwnStackAdoptsItAndAStrangersIsAConflict() {
        stub.on("POST", STACKS, Answer.json(409, "{\"error\": {\"message\": \"The Stack (c1-abc) already exists.\"}}"));
        stub.on("GET", STACKS + "/c1-abc", new Answer(302, "", Map.of("Location", stub.uri(STACKS + "/c1-abc/s-7").toString())));
        stub.on("GET", STACKS + "/c1-abc/s-7", Answer.json(200, shown("s-7", "CREATE_IN_PROGRESS",
                List.of("magnetar", "cluster_uuid=u-1"))));

        assertThat(heat.create(request(List.of("magnetar", "cluster_uuid=u-1")))).isEqualTo("s-7");
        assertThatThrownBy(() -> heat.create(request(List.of("magnetar", "cluster_uuid=u-2"))))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
                .hasMessageContaining("already exists");
    }

    @Test
    void findFollowsHeatsRedirectToTheStackAndPassesItsStatusThrough() {
        stub.on("GET", STACKS + "/c1-abc", new Answer(302, "", Map.of("Location", stub.uri(STACKS + "/c1-abc/s-1").toString())));
        stub.on("GET", STACKS + "/c1-abc/s-1", Answer.json(200, shown("s-1", "UPDATE_ROLLBACK_IN_PROGRESS", List.of())));

        assertThat(heat.find("c1-abc", CLUSTER)).hasValueSatisfying(stack -> {
            assertThat(stack.id()).isEqualTo("s-1");
            assertThat(stack.status()).hasToString("UPDATE_ROLLBACK_IN_PROGRESS");
        });
    }

    @Test
    void aMissingOrDeletedStackIsNotFound() {
        stub.on("GET", STACKS + "/gone", Answer.json(404, "{\"error\": {\"message\": \"not found\"}}"));
        stub.on("GET", STACKS + "/deleted", Answer.json(200, shown("s-2", "DELETE_COMPLETE", List.of())));

        assertThat(heat.find("gone", CLUSTER)).isEmpty();
        assertThat(heat.find("deleted", CLUSTER)).isEmpty();
    }

    @Test
    void heatsVerdictsBecomeTheMatchingKindsWithHeatsMessage() {
        stub.on("POST", STACKS, Answer.json(400, """
                {"code": 400, "explanation": "malformed", "error": {"type": "StackValidationFailed",
                 "message": "Property error: resources.master.properties.flavor: Error validating value 'm1.x'"}}"""));
        stub.on("GET", STACKS + "/c1-abc/s-404", Answer.json(404, "{\"error\": {\"message\": \"The Stack could not be found.\"}}"));
        stub.on("GET", STACKS + "/c1-abc/s-409", Answer.json(200, shown("s-409", "CREATE_COMPLETE", List.of())));
        stub.on("PATCH", STACKS + "/c1-abc/s-409", Answer.json(409, "{\"error\": {\"message\": \"in progress\"}}"));

        assertThatThrownBy(() -> heat.create(request(List.of())))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("Error validating value 'm1.x'");
        StackUpdate update = new StackUpdate(Map.of("n", 1), true, 60);
        assertThatThrownBy(() -> heat.update("c1-abc", "s-404", update, CLUSTER))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThatThrownBy(() -> heat.update("c1-abc", "s-409", update, CLUSTER))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    }

    @Test
    void anUpdateOfAStackStillInProgressIsAConflictAndNeverReachesHeat() {
        stub.on("GET", STACKS + "/c1-abc/s-1", Answer.json(200, shown("s-1", "UPDATE_IN_PROGRESS", List.of())));

        assertThatThrownBy(() -> heat.update("c1-abc", "s-1", new StackUpdate(Map.of("n", 2), true, 60), CLUSTER))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
        assertThat(stub.count("PATCH", STACKS + "/c1-abc/s-1")).isZero();
    }

    @Test
    void anUpdatePatchesASettledStack() {
        stub.on("GET", STACKS + "/c1-abc/s-1", Answer.json(200, shown("s-1", "CREATE_COMPLETE", List.of())));
        stub.on("PATCH", STACKS + "/c1-abc/s-1", Answer.json(202, "{}"));

        heat.update("c1-abc", "s-1", new StackUpdate(Map.of("n", 2), true, 60), CLUSTER);

        assertThat(stub.requests()).filteredOn(r -> r.method().equals("PATCH")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"existing\":true", "\"parameters\":{\"n\":2}"));
    }

    @Test
    void aHeatThatKeepsFailingIsTransientAfterTheRetries() {
        stub.on("DELETE", STACKS + "/c1-abc/s-1", Answer.json(503, "{\"message\": \"busy\"}"));

        assertThatThrownBy(() -> heat.delete("c1-abc", "s-1", CLUSTER))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(stub.count("DELETE", STACKS + "/c1-abc/s-1")).isEqualTo(2);
    }

    @Test
    void deletingAStackThatIsGoneSucceeds() {
        stub.on("DELETE", STACKS + "/c1-abc/s-1", Answer.json(404, "{}"));

        heat.delete("c1-abc", "s-1", CLUSTER);

        assertThat(stub.count("DELETE", STACKS + "/c1-abc/s-1")).isEqualTo(1);
    }

    @Test
    void aTokenHeatNoLongerAcceptsIsRenewedOnce() {
        stub.on("DELETE", STACKS + "/c1-abc/s-1", Answer.json(401, "{}"), Answer.json(204, ""));

        heat.delete("c1-abc", "s-1", CLUSTER);

        assertThat(stub.count("POST", "/v3/auth/tokens")).isEqualTo(2);
    }

    @Test
    void asksForResourcesToTheRequestedNestedDepth() {
        stub.on("GET", STACKS + "/c1-abc/s-1/resources?nested_depth=2", Answer.json(200, "{\"resources\": []}"));

        assertThat(heat.resources("c1-abc", "s-1", 2, CLUSTER)).isEmpty();
        assertThat(stub.count("GET", STACKS + "/c1-abc/s-1/resources?nested_depth=2")).isEqualTo(1);
    }

    @Test
    void aNameHeatWouldRefuseIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> heat.find("../c1", CLUSTER))
                .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aCatalogueWithoutHeatIsRejectedNamingTheService() throws IOException {
        try (StubServer noHeat = new StubServer()) {
            Tokens.issue(noHeat, "t", Tokens.body("cluster-u", "alpha", "member", NOW.plusSeconds(3600),
                    Map.of("compute", "http://nova")));

            assertThatThrownBy(() -> orchestrator(noHeat).find("c1-abc", CLUSTER))
                    .isInstanceOfSatisfying(OrchestratorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                    .hasMessageContaining("orchestration (Heat) is not in the catalogue");
        }
    }
}
