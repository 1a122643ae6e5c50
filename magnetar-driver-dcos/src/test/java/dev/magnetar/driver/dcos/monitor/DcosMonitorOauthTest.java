package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.driver.MonitorSession;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.SimulatedDcos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Clusters installed with oauth_enabled are monitored as the service account they were installed
 * with: the simulated IAM checks the login JWT's RS256 signature against the registered public key.
 */
class DcosMonitorOauthTest {

    private static final String UID = "magnetar-monitor-7f3a";
    private static final String ID = "secured";
    private static KeyPair account;
    private static KeyPair stranger;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final InstantSource clock = now::get;
    private SimulatedDcos dcos;
    private DcosMonitor monitor;
    private Cluster cluster;
    /** What the service would store between polls; one per test, like one cluster's account row. */
    private MonitorSession session = MonitorSession.inMemory();

    @BeforeAll
    static void keys() {
        account = MonitoredClusters.rsaKeyPair();
        stranger = MonitoredClusters.rsaKeyPair();
    }

    @BeforeEach
    void start() {
        dcos = SimulatedDcos.start(Duration.ofMinutes(10), clock);
        String api = dcos.register(DcosClusterSpec.of(ID, 1, 2, 0, "2.2.1")
                .withOauth(UID, MonitoredClusters.publicPem(account)));
        cluster = MonitoredClusters.cluster(api, 1, 2, 0, true);
        monitor = new DcosMonitor(tls -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build(),
                clock);
    }

    @AfterEach
    void stop() {
        dcos.close();
    }

    private MonitorContext credentials(KeyPair key) {
        return new MonitorContext(Duration.ofSeconds(2), Map.of(DcosMonitor.CREDENTIAL_UID, UID,
                DcosMonitor.CREDENTIAL_PRIVATE_KEY, MonitoredClusters.privatePem(key)), session);
    }

    private HealthReport poll(MonitorContext context) {
        return monitor.poll(MonitoredClusters.TEMPLATE, cluster, context);
    }

    @Test
    void theMonitorLogsInWithItsServiceAccountAndSeesAHealthyCluster() {
        HealthReport report = poll(credentials(account));
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.coeVersion()).isEqualTo("2.2.1");
        assertThat(dcos.logins(ID)).isEqualTo(1);
    }

    @Test
    void oauthIsOnUnlessTheLabelTurnsItOff() {
        Map<String, String> labels = new HashMap<>(cluster.spec().labels());
        labels.remove("oauth_enabled");
        cluster = cluster.toBuilder().labels(labels).build();
        assertThat(poll(credentials(account)).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(dcos.logins(ID)).isEqualTo(1);
    }

    @Test
    void aJwtSignedWithTheWrongKeyIsRefusedAndTheClusterIsUnknown() {
        HealthReport report = poll(credentials(stranger));
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason()).containsExactly(entry("cluster", "login as service account '" + UID
                + "' failed: HTTP 401: login failed: token signature does not match the service account's public key"));
        assertThat(dcos.logins(ID)).isZero();
    }

    @Test
    void theTokenIsReusedAcrossPolls() {
        for (int i = 0; i < 3; i++) {
            assertThat(poll(credentials(account)).status()).isEqualTo(HealthStatus.HEALTHY);
        }
        assertThat(dcos.logins(ID)).isEqualTo(1);
    }

    @Test
    void theTokenIsKeptInTheSessionWithTheExpiryTheClusterGaveIt() {
        poll(credentials(account));

        assertThat(session.token()).hasValueSatisfying(token -> {
            assertThat(token.value()).isNotBlank();
            assertThat(token.expiresAt()).isEqualTo(now.get().plus(Duration.ofMinutes(10)));
        });
    }

    @Test
    void aTokenKeptByAnEarlierMonitorIsUsedWithoutLoggingIn() {
        poll(credentials(account));
        DcosMonitor restarted = new DcosMonitor(tls -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build(),
                clock);

        HealthReport report = restarted.poll(MonitoredClusters.TEMPLATE, cluster, credentials(account));

        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(dcos.logins(ID)).as("the restarted monitor signed nothing").isEqualTo(1);
    }

    @Test
    void withoutASessionThatOutlivesThePollEveryPollLogsIn() {
        for (int i = 0; i < 2; i++) {
            session = MonitorSession.inMemory();
            poll(credentials(account));
        }
        assertThat(dcos.logins(ID)).isEqualTo(2);
    }

    @Test
    void aKeptTokenThatIsRefusedIsForgottenWhenNoNewOneCanBeHad() {
        poll(credentials(account));
        dcos.revokeTokens(ID);

        HealthReport report = poll(credentials(stranger));

        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(session.token()).isEmpty();
    }

    @Test
    void aTokenTheClusterNoLongerAcceptsIsReplacedWithinTheSamePoll() {
        poll(credentials(account));
        dcos.revokeTokens(ID);
        HealthReport report = poll(credentials(account));
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(dcos.logins(ID)).isEqualTo(2);
        assertThat(poll(credentials(account)).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(dcos.logins(ID)).isEqualTo(2);
    }

    @Test
    void theTokenIsRenewedShortlyBeforeItExpires() {
        poll(credentials(account));
        now.set(now.get().plus(Duration.ofMinutes(8)));
        poll(credentials(account));
        assertThat(dcos.logins(ID)).as("still well within the 10-minute token").isEqualTo(1);
        now.set(now.get().plus(Duration.ofSeconds(80)));
        HealthReport report = poll(credentials(account));
        assertThat(dcos.logins(ID)).as("within a minute of expiry").isEqualTo(2);
        assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void withoutCredentialsASecuredClusterIsUnknownAndSaysWhy() {
        HealthReport report = poll(new MonitorContext(Duration.ofSeconds(2), Map.of()));
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason().get("cluster")).contains("service_account_uid", "service_account_private_key");
    }

    @Test
    void aPrivateKeyThatIsNotPkcs8PemIsUnknownAndSaysWhy() {
        HealthReport report = poll(new MonitorContext(Duration.ofSeconds(2), Map.of(DcosMonitor.CREDENTIAL_UID, UID,
                DcosMonitor.CREDENTIAL_PRIVATE_KEY, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")));
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason().get("cluster")).contains("PKCS#8");
    }

    @Test
    void aSecuredClusterMonitoredAsIfOpenIsUnknownRatherThanUnhealthy() {
        cluster = cluster.toBuilder().labels(Map.of("oauth_enabled", "false")).build();
        HealthReport report = poll(credentials(account));
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.reason().get("cluster")).contains("answers 401 to every request");
    }
}
