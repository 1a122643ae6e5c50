package dev.magnetar.openstack.catalogue;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.CloudCatalogue.Flavor;
import dev.magnetar.core.port.CloudCatalogue.Image;
import dev.magnetar.core.port.CloudCatalogue.Keypair;
import dev.magnetar.core.port.CloudCatalogue.Network;
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
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OpenStackCatalogue} against stubbed Keystone, Glance, Nova and Neutron. */
class OpenStackCatalogueTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final RequestContext CALLER = new RequestContext("req-1", "u", "alice", "alpha-id", "alpha",
            "default", "Default", Set.of("member"), "alice-token");

    private final StubServer stub = new StubServer();

    OpenStackCatalogueTest() throws IOException {
        Tokens.issue(stub, "service-token", Tokens.body("magnetar", "service", "admin", NOW.plusSeconds(3600), Map.of()));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private OpenStackCatalogue catalogueWith(Map<String, String> services) {
        stub.on("GET", "/v3/auth/tokens", Answer.json(200, Tokens.body("alice", "alpha", "member",
                NOW.plusSeconds(3600), services)));
        OpenStackHttp http = new OpenStackHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5), d -> { });
        RetryPolicy once = RetryPolicy.NONE;
        KeystoneClient keystone = new KeystoneClient(new KeystoneSettings(stub.uri("/v3"), "magnetar", "pw", null,
                "service", null, null, null, null, null, 0, null, once), http, new MutableClock(NOW));
        return new OpenStackCatalogue(keystone, http, once);
    }

    private OpenStackCatalogue fullCloud() {
        return catalogueWith(Map.of("image", stub.uri("/glance").toString(),
                "compute", stub.uri("/nova/v2.1").toString(), "network", stub.uri("/neutron").toString()));
    }

    @Test
    void findsAnImageByIdAndByNameWithItsOsDistroUsingTheCallersToken() {
        OpenStackCatalogue catalogue = fullCloud();
        stub.on("GET", "/glance/v2/images/fedora-atomic", Answer.json(404, "{}"));
        stub.on("GET", "/glance/v2/images?name=fedora-atomic", Answer.json(200, """
                {"images": [{"id": "i-1", "name": "fedora-atomic", "os_distro": "fedora-atomic"},
                            {"id": "i-2", "name": "fedora-atomic"}]}"""));
        stub.on("GET", "/glance/v2/images/i-1", Answer.json(200, "{\"id\": \"i-1\", \"name\": \"fedora-atomic\", \"os_distro\": \"fedora-atomic\"}"));
        stub.on("GET", "/glance/v2/images?name=i-1", Answer.json(200, "{\"images\": []}"));

        assertThat(catalogue.images(CALLER, "fedora-atomic")).containsExactly(
                new Image("i-1", "fedora-atomic", "fedora-atomic"), new Image("i-2", "fedora-atomic", null));
        assertThat(catalogue.images(CALLER, "i-1")).containsExactly(new Image("i-1", "fedora-atomic", "fedora-atomic"));
        assertThat(stub.requests()).filteredOn(r -> r.path().startsWith("/glance"))
                .allMatch(r -> "alice-token".equals(r.header("X-Auth-Token")));
    }

    @Test
    void findsFlavorsByIdOrNameAndKeypairsByName() {
        OpenStackCatalogue catalogue = fullCloud();
        stub.on("GET", "/nova/v2.1/flavors/m1.small", Answer.json(404, "{\"itemNotFound\": {\"message\": \"no\"}}"));
        stub.on("GET", "/nova/v2.1/flavors/detail?is_public=None", Answer.json(200, """
                {"flavors": [{"id": "2", "name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20},
                             {"id": "3", "name": "m1.medium", "vcpus": 2, "ram": 4096, "disk": 40}]}"""));
        stub.on("GET", "/nova/v2.1/os-keypairs/mykey", Answer.json(200, "{\"keypair\": {\"name\": \"mykey\"}}"));
        stub.on("GET", "/nova/v2.1/os-keypairs/nokey", Answer.json(404, "{}"));

        assertThat(catalogue.flavors(CALLER, "m1.small")).containsExactly(new Flavor("2", "m1.small", 1, 2048, 20));
        assertThat(catalogue.keypairs(CALLER, "mykey")).containsExactly(new Keypair("mykey"));
        assertThat(catalogue.keypairs(CALLER, "nokey")).isEmpty();
    }

    @Test
    void findsOnlyExternalNetworksByIdOrName() {
        OpenStackCatalogue catalogue = fullCloud();
        stub.on("GET", "/neutron/v2.0/networks?router:external=True&id=public", Answer.json(200, "{\"networks\": []}"));
        stub.on("GET", "/neutron/v2.0/networks?router:external=True&name=public",
                Answer.json(200, "{\"networks\": [{\"id\": \"n-1\", \"name\": \"public\", \"router:external\": true}]}"));

        assertThat(catalogue.externalNetworks(CALLER, "public")).containsExactly(new Network("n-1", "public"));
    }

    @Test
    void aServiceMissingFromTheCatalogueIsUnavailableAndNamed() {
        OpenStackCatalogue catalogue = catalogueWith(Map.of("image", stub.uri("/glance").toString()));

        assertThatThrownBy(() -> catalogue.flavors(CALLER, "m1.small"))
                .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessageContaining("compute (Nova) is not in the catalogue");
        assertThatThrownBy(() -> catalogue.externalNetworks(CALLER, "public"))
                .hasMessageContaining("network (Neutron)");
    }

    @Test
    void aServiceThatFailsIsUnavailableAndOneThatRefusesTheCallerIsForbidden() {
        OpenStackCatalogue catalogue = fullCloud();
        stub.on("GET", "/nova/v2.1/flavors/x", Answer.json(404, "{}"));
        stub.on("GET", "/nova/v2.1/flavors/detail?is_public=None", Answer.json(500, "{\"computeFault\": {\"message\": \"db down\"}}"));
        stub.on("GET", "/neutron/v2.0/networks?router:external=True&id=x", Answer.json(403, "{\"NeutronError\": {\"message\": \"policy\"}}"));

        assertThatThrownBy(() -> catalogue.flavors(CALLER, "x"))
                .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessageContaining("Nova").hasMessageContaining("db down");
        assertThatThrownBy(() -> catalogue.externalNetworks(CALLER, "x"))
                .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_AUTHORIZED));
    }
}
