package dev.magnetar.openstack.keystone;

import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.openstack.heat.HeatSettings;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-cluster users on the real Keystone: made once, usable in the cluster's project, gone on revoke. */
@ExtendWith(LoopbackOpenStack.class)
class KeystoneClusterCredentialsIT {

    private final KeystoneClient keystone = LoopbackOpenStack.serviceClient();
    private final KeystoneClusterCredentials credentials = new KeystoneClusterCredentials(keystone,
            new ClusterUserSettings("magnetar", List.of("member"), "integration-test-derivation-key"));

    @Test
    void aClusterGetsOneUserWhoseTokenIsScopedToTheClustersProjectUntilRevoked() {
        String betaProject = LoopbackOpenStack.login(keystone, "beta-member", "beta").info().projectId();
        Cluster cluster = Cluster.builder().uuid(UUID.randomUUID().toString()).name("c").projectId(betaProject).build();

        StackCredential first = credentials.establish(cluster);
        StackCredential again = credentials.establish(cluster);
        StackCredential fromAnotherReplica = new KeystoneClusterCredentials(LoopbackOpenStack.serviceClient(),
                new ClusterUserSettings("magnetar", List.of("member"), "integration-test-derivation-key")).of(cluster);

        assertThat(again).isEqualTo(first);
        assertThat(fromAnotherReplica).isEqualTo(first);
        assertThat(first.toString()).doesNotContain(first.secret());
        IssuedToken token = keystone.authenticate(AuthMethod.Password.byId(first.id(), first.secret(), first.projectId()));
        assertThat(token.info().userName()).isEqualTo(KeystoneClusterCredentials.userName(cluster));
        assertThat(token.info().userDomainName()).isEqualTo("magnetar");
        assertThat(token.info().projectName()).isEqualTo("beta");
        assertThat(token.info().roles()).contains("member").doesNotContain("admin"); // member implies reader
        assertThat(keystone.endpoint(token.info().catalog(), "orchestration")).isPresent();

        credentials.revoke(cluster);
        credentials.revoke(cluster); // revoking twice is fine

        keystone.forget(token.value());
        assertThatThrownBy(() -> keystone.validate(token.value())).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> keystone.authenticate(AuthMethod.Password.byId(first.id(), first.secret(),
                first.projectId()))).isInstanceOf(CredentialsRefusedException.class)
                .hasMessageNotContaining(first.secret());
    }

    @Test
    void anotherDerivationKeyGivesAnotherPassword() {
        Cluster cluster = Cluster.builder().uuid(UUID.randomUUID().toString()).name("c").projectId("p").build();
        KeystoneClusterCredentials other = new KeystoneClusterCredentials(keystone,
                new ClusterUserSettings("magnetar", List.of("member"), "a-different-derivation-key"));

        assertThat(credentials.password(cluster)).isNotEqualTo(other.password(cluster)).hasSize(43);
        assertThat(HeatSettings.DEFAULT.resourceRegistryOverrides()).isEmpty();
    }
}
