package dev.magnetar.sim.dcos;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With oauth on, a simulated cluster behaves as DC/OS's Admin Router and IAM do
 * (docs/reference/dcos-facts.md#logging-in-as-a-service-account): nothing without a token, and a token only for a
 * login JWT whose RS256 signature the registered public key verifies, for the registered uid, not expired.
 */
class SimulatedLoginTest {

    private static final String UID = "magnetar-monitor";
    private static KeyPair account;
    private static KeyPair stranger;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final InstantSource clock = now::get;
    private final AdminRouterClient http = new AdminRouterClient(() -> this.dcos.clientContext());
    private SimulatedDcos dcos;
    private String api;

    @BeforeAll
    static void keys() {
        account = ServiceAccountKeys.generate();
        stranger = ServiceAccountKeys.generate();
    }

    @BeforeEach
    void start() {
        dcos = SimulatedDcos.start(Duration.ofMinutes(30), clock);
        api = dcos.register(DcosClusterSpec.of("secured", 1, 1, 0, "2.2.1")
                .withOauth(UID, ServiceAccountKeys.publicPem(account)));
    }

    @AfterEach
    void stop() {
        dcos.close();
    }

    private AdminRouterClient.Answer login(String uid, String jwt) {
        return http.post(api + "/acs/api/v1/auth/login", "{\"uid\":\"" + uid + "\",\"token\":\"" + jwt + "\"}");
    }

    private String validJwt() {
        return ServiceAccountKeys.loginJwt(UID, account.getPrivate(), now.get().plusSeconds(120));
    }

    private String token() {
        AdminRouterClient.Answer answer = login(UID, validJwt());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("token").asText();
    }

    @Test
    void withoutATokenEveryEndpointAnswers401WithTheAcsChallenge() {
        AdminRouterClient.Answer answer = http.get(api + "/mesos/metrics/snapshot");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.response().headers().firstValue("WWW-Authenticate")).hasValue("acsjwt");
        assertThat(http.get(api + "/system/health/v1/nodes", "token=made-up").status()).isEqualTo(401);
    }

    @Test
    void aJwtSignedWithTheAccountsKeyLogsInAndItsTokenOpensEveryEndpoint() {
        String token = token();
        assertThat(http.get(api + "/mesos/metrics/snapshot", "token=" + token).status()).isEqualTo(200);
        assertThat(http.get(api + "/system/health/v1/units", "Bearer " + token).status()).isEqualTo(200);
        assertThat(dcos.logins("secured")).isEqualTo(1);
    }

    @Test
    void aJwtSignedWithAnotherKeyIsRefused() {
        AdminRouterClient.Answer answer = login(UID, ServiceAccountKeys.loginJwt(UID, stranger.getPrivate(),
                now.get().plusSeconds(120)));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("description").asText()).contains("signature");
        assertThat(dcos.logins("secured")).isZero();
    }

    @Test
    void aTamperedJwtIsRefused() {
        String[] parts = validJwt().split("\\.");
        String otherClaims = ServiceAccountKeys.loginJwt("root", account.getPrivate(), now.get().plusSeconds(120))
                .split("\\.")[1];
        assertThat(login("root", parts[0] + "." + otherClaims + "." + parts[2]).status()).isEqualTo(401);
        assertThat(login(UID, parts[0] + "." + otherClaims + "." + parts[2]).status()).isEqualTo(401);
    }

    @Test
    void anExpiredJwtIsRefused() {
        AdminRouterClient.Answer answer = login(UID, ServiceAccountKeys.loginJwt(UID, account.getPrivate(),
                now.get().minusSeconds(1)));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("description").asText()).contains("expired");
    }

    @Test
    void anotherUidIsRefusedEvenWithAValidSignature() {
        AdminRouterClient.Answer answer = login("intruder", ServiceAccountKeys.loginJwt("intruder",
                account.getPrivate(), now.get().plusSeconds(120)));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(login(UID, ServiceAccountKeys.loginJwt("intruder", account.getPrivate(),
                now.get().plusSeconds(120))).status()).isEqualTo(401);
    }

    @Test
    void aJwtNotSignedWithRs256IsRefused() {
        String unsigned = ServiceAccountKeys.signed("{\"alg\":\"none\"}", "{\"uid\":\"" + UID + "\",\"exp\":"
                + now.get().plusSeconds(120).getEpochSecond() + "}", account.getPrivate());
        assertThat(login(UID, unsigned).status()).isEqualTo(401);
        assertThat(login(UID, "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void tokensExpireAfterTheirLifetime() {
        String token = token();
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(http.get(api + "/mesos/metrics/snapshot", "token=" + token).status()).isEqualTo(401);
    }

    @Test
    void revokedTokensAreRefusedAndANewLoginWorks() {
        String token = token();
        dcos.revokeTokens("secured");
        assertThat(http.get(api + "/mesos/metrics/snapshot", "token=" + token).status()).isEqualTo(401);
        assertThat(http.get(api + "/mesos/metrics/snapshot", "token=" + token()).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfOneClusterDoesNotOpenAnother() {
        String other = dcos.register(DcosClusterSpec.of("neighbour", 1, 1, 0, "2.2.1")
                .withOauth(UID, ServiceAccountKeys.publicPem(account)));
        assertThat(http.get(other + "/mesos/metrics/snapshot", "token=" + token()).status()).isEqualTo(401);
    }

    @Test
    void clustersWithoutOauthNeedNoTokenAndHaveNoLogin() {
        String open = dcos.register(DcosClusterSpec.of("open", 1, 1, 0, "2.2.1"));
        assertThat(http.get(open + "/mesos/metrics/snapshot").status()).isEqualTo(200);
        assertThat(http.post(open + "/acs/api/v1/auth/login", "{}").status()).isEqualTo(404);
    }
}
