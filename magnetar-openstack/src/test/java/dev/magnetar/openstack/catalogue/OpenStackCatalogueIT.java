package dev.magnetar.openstack.catalogue;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.openstack.keystone.KeystoneClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loopback cloud has Keystone and Heat only: look-ups name the missing service instead of
 * failing obscurely, and an invalid caller token is refused.
 */
@ExtendWith(LoopbackOpenStack.class)
class OpenStackCatalogueIT {

    private final KeystoneClient keystone = LoopbackOpenStack.serviceClient();
    private final OpenStackCatalogue catalogue = new OpenStackCatalogue(keystone);

    @Test
    void namesEachServiceTheCallersCatalogueLacks() {
        IssuedToken alice = LoopbackOpenStack.login(keystone, "alpha-member", "alpha");
        RequestContext caller = keystone.validate(alice.value()).toRequestContext("req-it", alice.value());

        assertThatThrownBy(() -> catalogue.images(caller, "fedora"))
                .isInstanceOfSatisfying(MagnetarException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessageContaining("image (Glance)");
        assertThatThrownBy(() -> catalogue.flavors(caller, "m1.medium")).hasMessageContaining("compute (Nova)");
        assertThatThrownBy(() -> catalogue.keypairs(caller, "key")).hasMessageContaining("compute (Nova)");
        assertThatThrownBy(() -> catalogue.externalNetworks(caller, "public")).hasMessageContaining("network (Neutron)");
    }

    @Test
    void aCallerWhoseTokenIsNoLongerValidIsRefused() {
        RequestContext stale = new RequestContext("req-it", "u", "x", "p", "p", "default", "Default",
                java.util.Set.of("member"), "gAAAAA-revoked-or-invented");

        assertThatThrownBy(() -> catalogue.images(stale, "fedora"))
                .isInstanceOfSatisfying(MagnetarException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.kind()).isEqualTo(ErrorKind.NOT_AUTHORIZED));
    }
}
