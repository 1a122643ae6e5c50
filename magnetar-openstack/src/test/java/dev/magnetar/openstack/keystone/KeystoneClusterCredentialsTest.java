package dev.magnetar.openstack.keystone;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.StubServer;
import dev.magnetar.openstack.http.StubServer.Answer;
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

/**
 * The cluster user's setup against a Keystone that cannot answer for a while: the failure is a
 * transient orchestrator error (the conductor retries it, as it retries an unavailable Heat), and the
 * retry, even by another replica after a partial success, makes nothing twice.
 */
class KeystoneClusterCredentialsTest {

    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");
    private static final String UUID = "0b9d5f1e-3c1a-4f7e-9a55-6f2b7c1d2e3f";
    private static final String USERS = "/v3/users?domain_id=dom-id&name=cluster-" + UUID;
    private static final String GRANT = "/v3/projects/alpha-id/users/user-1/roles/role-1";
    private static final Answer UNAVAILABLE = Answer.json(503, "{\"error\": {\"code\": 503, \"message\": \"busy\"}}");
    private static final Answer NO_USER = Answer.json(200, "{\"users\": []}");
    private static final Answer THE_USER = Answer.json(200, "{\"users\": [{\"id\": \"user-1\"}]}");
    private static final Answer GRANTED = new Answer(204, "", Map.of());

    private final StubServer stub = new StubServer();
    private final Cluster cluster = Cluster.builder().uuid(UUID).name("c").projectId("alpha-id").build();

    KeystoneClusterCredentialsTest() throws IOException {
        Tokens.issue(stub, "service-token", Tokens.body("magnetar", "service", "admin", START.plusSeconds(3600),
                Map.of("orchestration", "http://heat/v1/service-id")));
        stub.on("GET", "/v3/domains?name=magnetar", Answer.json(200, "{\"domains\": [{\"id\": \"dom-id\"}]}"));
        stub.on("GET", "/v3/roles?name=member", Answer.json(200, "{\"roles\": [{\"id\": \"role-1\"}]}"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** A conductor replica's credentials; two attempts per Keystone call, as the configured retry would. */
    private KeystoneClusterCredentials replica() {
        KeystoneSettings settings = new KeystoneSettings(stub.uri("/v3"), "magnetar", "service-secret", null,
                "service", null, null, null, null, Duration.ofSeconds(60), 100, Duration.ofSeconds(5),
                new RetryPolicy(2, Duration.ZERO, Duration.ZERO));
        KeystoneClient keystone = new KeystoneClient(settings, new OpenStackHttp(HttpClient.newHttpClient(),
                Duration.ofSeconds(5), d -> { }), new MutableClock(START));
        return new KeystoneClusterCredentials(keystone,
                new ClusterUserSettings("magnetar", List.of("member"), "unit-test-derivation-key"));
    }

    @Test
    void a_keystone_answering_503_is_a_transient_error_and_the_retry_sets_the_user_up() {
        stub.on("GET", USERS, UNAVAILABLE, UNAVAILABLE, NO_USER);
        stub.on("POST", "/v3/users", Answer.json(201, "{\"user\": {\"id\": \"user-1\"}}"));
        stub.on("PUT", GRANT, GRANTED);
        KeystoneClusterCredentials credentials = replica();

        assertThatThrownBy(() -> credentials.establish(cluster)).isInstanceOfSatisfying(OrchestratorException.class,
                e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.TRANSIENT))
                .hasMessageContaining("Keystone is unavailable").hasMessageContaining(UUID);
        assertThat(stub.count("POST", "/v3/users")).as("nothing made while Keystone could not answer").isZero();

        StackCredential established = credentials.establish(cluster);

        assertThat(established.id()).isEqualTo("user-1");
        assertThat(established.projectId()).isEqualTo("alpha-id");
        assertThat(stub.count("POST", "/v3/users")).isEqualTo(1);
        assertThat(stub.count("PUT", GRANT)).isEqualTo(1);
    }

    @Test
    void a_retry_after_the_user_was_made_but_its_role_not_granted_reuses_that_user() {
        stub.on("GET", USERS, NO_USER, THE_USER);
        stub.on("POST", "/v3/users", Answer.json(201, "{\"user\": {\"id\": \"user-1\"}}"),
                Answer.json(409, "{\"error\": {\"code\": 409, \"message\": \"Conflict\"}}"));
        stub.on("PUT", GRANT, UNAVAILABLE, UNAVAILABLE, GRANTED);

        assertThatThrownBy(() -> replica().establish(cluster)).isInstanceOfSatisfying(OrchestratorException.class,
                e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.TRANSIENT));
        assertThat(stub.count("POST", "/v3/users")).isEqualTo(1);

        // The retry may run on another replica, which has cached nothing.
        KeystoneClusterCredentials another = replica();
        StackCredential established = another.establish(cluster);

        assertThat(established.id()).isEqualTo("user-1");
        assertThat(established.secret()).isEqualTo(another.password(cluster));
        assertThat(stub.count("POST", "/v3/users")).as("the user made by the first attempt is reused").isEqualTo(1);
        assertThat(stub.count("PUT", GRANT)).isEqualTo(3);
        assertThat(another.establish(cluster)).as("establishing again changes nothing").isEqualTo(established);
        assertThat(stub.count("POST", "/v3/users")).isEqualTo(1);
    }

    @Test
    void keystone_refusing_a_step_is_its_verdict_not_a_reason_to_retry() {
        stub.on("GET", USERS, NO_USER);
        stub.on("POST", "/v3/users", Answer.json(403, "{\"error\": {\"code\": 403, \"message\": \"not allowed\"}}"));

        assertThatThrownBy(() -> replica().establish(cluster)).isInstanceOfSatisfying(OrchestratorException.class,
                e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.REJECTED))
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void a_keystone_unavailable_during_the_delete_is_retried_too() {
        stub.on("GET", USERS, THE_USER);
        stub.on("DELETE", "/v3/users/user-1", UNAVAILABLE, UNAVAILABLE, new Answer(204, "", Map.of()));
        KeystoneClusterCredentials credentials = replica();

        assertThatThrownBy(() -> credentials.revoke(cluster)).isInstanceOfSatisfying(OrchestratorException.class,
                e -> assertThat(e.kind()).isEqualTo(OrchestratorException.Kind.TRANSIENT));
        credentials.revoke(cluster);

        assertThat(stub.count("DELETE", "/v3/users/user-1")).isEqualTo(3);
    }
}
