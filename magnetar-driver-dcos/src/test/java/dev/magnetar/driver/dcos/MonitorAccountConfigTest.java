package dev.magnetar.driver.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.driver.dcos.config.DcosConfigRules;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cluster with oauth is installed with the service account Magnetar's monitor logs in as
 * ({@code superuser_service_account_uid} and {@code _public_key}, both or neither, the key an RSA
 * PEM); without oauth there is nothing to log in to and no account is installed.
 */
class MonitorAccountConfigTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final DcosDriver DRIVER = new DcosDriver(Fixtures.SETTINGS);

    private static JsonNode config(Map<String, String> labels, DeploymentContext context) throws Exception {
        ClusterTemplate template = Fixtures.blueprintTemplate().toBuilder().labels(labels).build();
        Cluster cluster = Fixtures.blueprintCluster(template);
        return YAML.readTree(DRIVER.nodeFiles(template, cluster, context).get("master").get("config.yaml"));
    }

    private static DeploymentContext withAccount(DeploymentContext.MonitorAccount account) {
        DeploymentContext local = Fixtures.context();
        return new DeploymentContext(local.authUrl(), local.regionName(), local.projectName(), local.domainName(),
                local.nodeCredential(), local.settings(), account);
    }

    @Test
    void withOauthTheAccountIsInstalledWithItsKeyIntact() throws Exception {
        DeploymentContext.MonitorAccount account = Fixtures.monitorAccount();
        JsonNode config = config(Map.of("oauth_enabled", "true"), withAccount(account));
        assertThat(config.get("superuser_service_account_uid").asText()).isEqualTo(account.uid());
        assertThat(config.get("superuser_service_account_public_key").asText()).isEqualTo(account.publicKeyPem());
        assertThat(DcosConfigRules.check((ObjectNode) config, 1)).isEmpty();
    }

    @Test
    void oauthIsOnByDefaultSoTheAccountIsInstalledWithoutTheLabel() throws Exception {
        assertThat(config(Map.of(), withAccount(Fixtures.monitorAccount())).has("superuser_service_account_uid"))
                .isTrue();
    }

    @Test
    void withoutOauthNoAccountIsInstalled() throws Exception {
        JsonNode config = config(Map.of("oauth_enabled", "false"), withAccount(Fixtures.monitorAccount()));
        assertThat(config.has("superuser_service_account_uid")).isFalse();
        assertThat(config.has("superuser_service_account_public_key")).isFalse();
    }

    @Test
    void withoutAnAccountNothingIsInstalled() throws Exception {
        assertThat(config(Map.of("oauth_enabled", "true"), Fixtures.context())
                .has("superuser_service_account_uid")).isFalse();
    }

    @Test
    void aKeyThatIsNotAnRsaPublicKeyInPemIsRefusedBeforeAnyStackExists() {
        DeploymentContext context = withAccount(new DeploymentContext.MonitorAccount("magnetar-monitor",
                "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n"));
        ClusterTemplate template = Fixtures.blueprintTemplate();
        assertThatThrownBy(() -> DRIVER.stackSpec(template, Fixtures.blueprintCluster(template), context))
                .isInstanceOf(MagnetarException.class)
                .hasMessageContaining("superuser_service_account_public_key: must be an RSA public key in PEM");
    }

    @Test
    void aUidThatWouldNeedQuotingIsRefused() {
        DeploymentContext context = withAccount(new DeploymentContext.MonitorAccount("monitor; rm -rf /",
                Fixtures.monitorAccount().publicKeyPem()));
        ClusterTemplate template = Fixtures.blueprintTemplate();
        assertThatThrownBy(() -> DRIVER.stackSpec(template, Fixtures.blueprintCluster(template), context))
                .hasMessageContaining("superuser_service_account_uid: must match");
    }

    @Test
    void theUidAndKeyComeTogetherOrNotAtAll() throws Exception {
        ObjectNode config = (ObjectNode) config(Map.of("oauth_enabled", "true"), withAccount(Fixtures.monitorAccount()));
        config.remove("superuser_service_account_public_key");
        assertThat(DcosConfigRules.check(config, 1)).containsExactly("superuser_service_account_public_key: "
                + "required with superuser_service_account_uid (both or neither)");
    }
}
