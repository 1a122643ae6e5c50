package dev.magnetar.openstack.keystone;

import dev.magnetar.core.testing.MutableClock;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link KeystoneClient} against the real Keystone that openstack-on-loopback.sh runs. */
@ExtendWith(LoopbackOpenStack.class)
class KeystoneClientIT {

    private final KeystoneClient keystone = LoopbackOpenStack.serviceClient();

    @Test
    void validatesAUsersTokenIntoUserProjectRolesAndCatalogue() {
        IssuedToken token = LoopbackOpenStack.login(keystone, "alpha-member", "alpha");

        TokenInfo info = keystone.validate(token.value());

        assertThat(info.userName()).isEqualTo("alpha-member");
        assertThat(info.projectName()).isEqualTo("alpha");
        assertThat(info.projectId()).isEqualTo(token.info().projectId());
        assertThat(info.projectDomainName()).isEqualTo("Default");
        assertThat(info.roles()).contains("member").doesNotContain("admin");
        assertThat(info.expiresAt()).isAfter(Instant.now());
        assertThat(keystone.endpoint(info.catalog(), "orchestration"))
                .contains(URI.create("http://127.0.0.1:8004/v1/" + info.projectId()));
        assertThat(info.toRequestContext("req-1", token.value()).isAdmin()).isFalse();
    }

    @Test
    void anAdminsTokenCarriesTheAdminRole() {
        TokenInfo info = keystone.validate(LoopbackOpenStack.login(keystone, "admin", "admin").value());

        assertThat(info.toRequestContext("req-2", null).isAdmin()).isTrue();
    }

    @Test
    void refusesATokenKeystoneNeverIssued() {
        assertThatThrownBy(() -> keystone.validate("gAAAAABnot-a-real-fernet-token"))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesARevokedTokenOnceTheCachedValidationHasAgedOut() {
        MutableClock clock = new MutableClock(Instant.now());
        KeystoneSettings base = LoopbackOpenStack.serviceSettings();
        KeystoneSettings settings = new KeystoneSettings(base.authUrl(), base.username(), base.secret(),
                null, base.projectName(), null, null, null, null, Duration.ofSeconds(60), 100, null, null);
        KeystoneClient cached = new KeystoneClient(settings, new OpenStackHttp(Duration.ofSeconds(5),
                Duration.ofSeconds(10)), clock);
        IssuedToken token = LoopbackOpenStack.login(keystone, "beta-reader", "beta");
        assertThat(cached.validate(token.value()).roles()).contains("reader");

        keystone.revoke(token.value());

        assertThat(cached.validate(token.value()).userName())
                .as("within the maximum age the cached answer stands").isEqualTo("beta-reader");
        clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> cached.validate(token.value())).isInstanceOf(InvalidTokenException.class);
    }

    /**
     * A token expires with the application credential it came from: a real expiry in seconds, long
     * enough that a Keystone slowed by a busy machine still issues and validates it in time.
     */
    @Test
    void refusesATokenThatHasExpired() throws InterruptedException {
        IssuedToken member = LoopbackOpenStack.login(keystone, "alpha-member", "alpha");
        ApplicationCredential shortLived = keystone.createApplicationCredential(member,
                "magnetar-it-expiry-" + System.nanoTime(), "expires in seconds", Instant.now().plusSeconds(30));
        try {
            IssuedToken token = keystone.authenticate(shortLived.authMethod());
            assertThat(LoopbackOpenStack.serviceClient().validate(token.value()).userName()).isEqualTo("alpha-member");

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), token.info().expiresAt()).toMillis()) + 1500);

            assertThatThrownBy(() -> LoopbackOpenStack.serviceClient().validate(token.value()))
                    .isInstanceOf(InvalidTokenException.class);
        } finally {
            keystone.deleteApplicationCredential(member.value(), member.info().userId(), shortLived.id());
        }
    }

    @Test
    void neverCachesAValidationBeyondTheTokensOwnExpiry() {
        MutableClock clock = new MutableClock(Instant.now());
        KeystoneClient client = new KeystoneClient(LoopbackOpenStack.serviceSettings(),
                new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(10)), clock);
        IssuedToken token = LoopbackOpenStack.login(keystone, "alpha-reader", "alpha");
        client.validate(token.value());

        clock.advance(Duration.between(clock.instant(), token.info().expiresAt()).plusSeconds(1));

        assertThatThrownBy(() -> client.validate(token.value()))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void findsEndpointsInTheServiceCatalogueByTypeInterfaceAndRegion() {
        assertThat(keystone.endpoint("container-infra")).contains(URI.create("http://127.0.0.1:9511/v1"));
        assertThat(keystone.endpoint("identity")).contains(URI.create("http://127.0.0.1:5000/v3"));
        assertThat(keystone.serviceTokenInfo().catalog().endpoint("orchestration", "public", "Elsewhere")).isEmpty();
        assertThat(keystone.endpoint("image")).as("no Glance on this cloud").isEmpty();
    }

    @Test
    void theServiceCanAuthenticateWithAnApplicationCredentialUntilItIsDeleted() {
        IssuedToken owner = keystone.authenticate(AuthMethod.Password.byName("magnetar", "Default",
                LoopbackOpenStack.serviceSettings().secret(), "service", "Default"));
        ApplicationCredential credential = keystone.createApplicationCredential(owner,
                "magnetar-it-" + System.nanoTime(), "KeystoneClientIT", Instant.now().plusSeconds(600));
        KeystoneSettings base = LoopbackOpenStack.serviceSettings();
        KeystoneClient viaCredential = KeystoneClient.create(new KeystoneSettings(base.authUrl(), null,
                credential.secret(), null, null, null, credential.id(), null, null, null, 0, null, RetryPolicy.NONE));

        IssuedToken user = LoopbackOpenStack.login(keystone, "alpha-member", "alpha");
        assertThat(viaCredential.validate(user.value()).userName()).isEqualTo("alpha-member");
        assertThat(viaCredential.serviceTokenInfo().projectName()).isEqualTo("service");

        keystone.deleteApplicationCredential(owner.value(), owner.info().userId(), credential.id());

        KeystoneClient afterDelete = KeystoneClient.create(viaCredential.settings());
        assertThatThrownBy(afterDelete::serviceToken)
                .isInstanceOf(KeystoneUnavailableException.class)
                .hasMessageContaining("refused Magnetar's service credentials")
                .hasMessageNotContaining(credential.secret());
    }

    @Test
    void wrongServicePasswordIsReportedAsUnavailableWithoutTheSecret() {
        KeystoneSettings wrong = KeystoneSettings.password(LoopbackOpenStack.authUrl(), "magnetar",
                "not-the-password", "service");

        assertThatThrownBy(() -> KeystoneClient.create(wrong).validate("anything"))
                .isInstanceOf(KeystoneUnavailableException.class)
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aKeystoneThatDoesNotAnswerIsUnavailable() {
        KeystoneSettings nowhere = new KeystoneSettings(URI.create("http://127.0.0.1:9/v3"), "magnetar", "x",
                null, "service", null, null, null, null, null, 0, Duration.ofSeconds(2),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)));
        KeystoneClient client = new KeystoneClient(nowhere, new OpenStackHttp(Duration.ofSeconds(1),
                Duration.ofSeconds(2)), Clock.systemUTC());

        assertThatThrownBy(() -> client.validate("token")).isInstanceOf(KeystoneUnavailableException.class)
                .hasMessageContaining("127.0.0.1:9");
    }
}
