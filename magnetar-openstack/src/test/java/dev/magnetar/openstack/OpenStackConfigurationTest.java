package dev.magnetar.openstack;

import dev.magnetar.openstack.heat.HeatSettings;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.keystone.ClusterUserSettings;
import dev.magnetar.openstack.keystone.KeystoneSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class OpenStackConfigurationTest {

    private static final Map<String, String> KEYSTONE = Map.of(
            "auth_url", "http://keystone:5000/v3/", "username", "magnetar", "password", "pw",
            "project_name", "service", "interface", "internal", "region_name", "RegionTwo",
            "token_cache_max_age", "30", "cluster_credential_key", "0123456789abcdef-key",
            "cluster_user_roles", "member, load-balancer_member");

    @Test
    void readsTheKeystoneSectionWithDefaultsForWhatIsLeftOut() {
        KeystoneSettings settings = OpenStackConfiguration.keystone(KEYSTONE, Map.of());

        assertThat(settings.authUrl()).isEqualTo(URI.create("http://keystone:5000/v3"));
        assertThat(settings.username()).isEqualTo("magnetar");
        assertThat(settings.secret()).isEqualTo("pw");
        assertThat(settings.userDomainName()).isEqualTo("Default");
        assertThat(settings.interfaceName()).isEqualTo("internal");
        assertThat(settings.region()).isEqualTo("RegionTwo");
        assertThat(settings.validationMaxAge()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retry()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8)));
        assertThat(OpenStackConfiguration.clusterUsers(KEYSTONE))
                .isEqualTo(new ClusterUserSettings("magnetar", List.of("member", "load-balancer_member"),
                        "0123456789abcdef-key"));
    }

    @Test
    void anApplicationCredentialReplacesThePassword() {
        KeystoneSettings settings = OpenStackConfiguration.keystone(Map.of("auth_url", "http://k/v3",
                "application_credential_id", "ac-1", "application_credential_secret", "s"), Map.of());

        assertThat(settings.applicationCredentialId()).isEqualTo("ac-1");
        assertThat(settings.secret()).isEqualTo("s");
    }

    @Test
    void readsTheHeatSectionIncludingTheTestOnlyRegistryOverrides() {
        HeatSettings heat = OpenStackConfiguration.heat(Map.of("retries", "2", "retry_initial_backoff", "0.25",
                "retry_max_backoff", "1", "resource_registry_overrides", "OS::Nova::*=OS::Heat::None, OS::Neutron::*=OS::Heat::None"));

        assertThat(heat.retry()).isEqualTo(new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(1)));
        assertThat(heat.resourceRegistryOverrides()).containsOnly(entry("OS::Nova::*", "OS::Heat::None"),
                entry("OS::Neutron::*", "OS::Heat::None"));
        assertThat(OpenStackConfiguration.heat(Map.of()).resourceRegistryOverrides()).isEmpty();
    }

    @Test
    void aWrongValueIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> OpenStackConfiguration.heat(Map.of("retries", "many")))
                .hasMessageContaining("retries");
        assertThatThrownBy(() -> OpenStackConfiguration.heat(Map.of("resource_registry_overrides", "OS::Nova::Server")))
                .hasMessageContaining("type=target");
        assertThatThrownBy(() -> OpenStackConfiguration.keystone(Map.of("auth_url", "http://k/v3", "username", "u",
                "project_name", "p"), Map.of())).hasMessageContaining("password");
        assertThatThrownBy(() -> OpenStackConfiguration.clusterUsers(Map.of()))
                .hasMessageContaining("cluster_credential_key");
    }
}
