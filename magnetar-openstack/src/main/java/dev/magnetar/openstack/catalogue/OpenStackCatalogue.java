package dev.magnetar.openstack.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.CloudCatalogue;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.http.ServiceUnavailableException;
import dev.magnetar.openstack.keystone.InvalidTokenException;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneUnavailableException;
import dev.magnetar.openstack.keystone.ServiceCatalog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link CloudCatalogue} port on Glance v2, Nova and Neutron, called with the caller's own
 * token, so a user sees exactly the images, flavors, keypairs and networks the cloud shows them.
 * Each service is found in the caller's catalogue (validated, and cached, by {@link KeystoneClient}).
 *
 * <p>A service missing from the catalogue, or not answering, is {@code 503}: the caller cannot fix
 * it, and the message names the service. (Magnum answers 403 when Nova is missing, an artefact of
 * its exception mapping that tells the user nothing useful.) A look-up that matches nothing returns
 * an empty list, for the caller to turn into Magnum's 400/404.
 */
public final class OpenStackCatalogue implements CloudCatalogue {

    private final KeystoneClient keystone;
    private final OpenStackHttp http;
    private final RetryPolicy retry;

    public OpenStackCatalogue(KeystoneClient keystone) {
        this(keystone, new OpenStackHttp(Duration.ofSeconds(5), keystone.settings().requestTimeout()),
                keystone.settings().retry());
    }

    public OpenStackCatalogue(KeystoneClient keystone, OpenStackHttp http, RetryPolicy retry) {
        this.keystone = keystone;
        this.http = http;
        this.retry = retry;
    }

    @Override
    public List<Image> images(RequestContext context, String nameOrId) {
        Service glance = service(context, "image", "Glance");
        List<Image> found = new ArrayList<>();
        ServiceResponse byId = glance.get("/v2/images/" + encode(nameOrId));
        if (byId.status() == 200) {
            found.add(image(byId.body()));
        }
        ServiceResponse byName = glance.get("/v2/images?name=" + encode(nameOrId));
        for (JsonNode image : glance.expect(byName, "list images").path("images")) {
            addUnique(found, image(image), Image::id);
        }
        return found;
    }

    @Override
    public List<Flavor> flavors(RequestContext context, String nameOrId) {
        Service nova = service(context, "compute", "Nova");
        List<Flavor> found = new ArrayList<>();
        ServiceResponse byId = nova.get("/flavors/" + encode(nameOrId));
        if (byId.status() == 200) {
            found.add(flavor(byId.body().path("flavor")));
        }
        ServiceResponse all = nova.get("/flavors/detail?is_public=None");
        for (JsonNode flavor : nova.expect(all, "list flavors").path("flavors")) {
            if (nameOrId.equals(flavor.path("name").asText())) {
                addUnique(found, flavor(flavor), Flavor::id);
            }
        }
        return found;
    }

    @Override
    public List<Keypair> keypairs(RequestContext context, String name) {
        Service nova = service(context, "compute", "Nova");
        ServiceResponse response = nova.get("/os-keypairs/" + encode(name));
        if (response.status() == 404) {
            return List.of();
        }
        return List.of(new Keypair(nova.expect(response, "show keypair").path("keypair").path("name").asText()));
    }

    @Override
    public List<Network> externalNetworks(RequestContext context, String nameOrId) {
        Service neutron = service(context, "network", "Neutron");
        String prefix = neutron.endpoint().getPath().contains("/v2.0") ? "" : "/v2.0";
        Map<String, Network> found = new LinkedHashMap<>();
        for (String filter : List.of("id", "name")) {
            ServiceResponse response = neutron.get(prefix + "/networks?router:external=True&" + filter + "="
                    + encode(nameOrId));
            for (JsonNode network : neutron.expect(response, "list networks").path("networks")) {
                found.putIfAbsent(network.path("id").asText(),
                        new Network(network.path("id").asText(), network.path("name").asText()));
            }
        }
        return List.copyOf(found.values());
    }

    private Service service(RequestContext context, String type, String name) {
        ServiceCatalog catalog;
        try {
            catalog = keystone.validate(context.authToken()).catalog();
        } catch (InvalidTokenException e) {
            throw MagnetarException.forbidden("The request's token is no longer valid: " + e.getMessage());
        } catch (KeystoneUnavailableException e) {
            throw MagnetarException.unavailable("Keystone is unavailable: " + e.getMessage());
        }
        URI endpoint = keystone.endpoint(catalog, type).orElseThrow(() -> MagnetarException.unavailable(
                "Service " + type + " (" + name + ") is not in the catalogue (interface "
                        + keystone.settings().interfaceName() + (keystone.settings().region() == null ? ""
                        : ", region " + keystone.settings().region()) + "), so it cannot be checked."));
        return new Service(name, endpoint, context.authToken());
    }

    /** One service reached with the caller's token. */
    private final class Service {
        private final String name;
        private final URI endpoint;
        private final String token;

        Service(String name, URI endpoint, String token) {
            this.name = name;
            this.endpoint = endpoint;
            this.token = token;
        }

        URI endpoint() {
            return endpoint;
        }

        ServiceResponse get(String path) {
            String base = endpoint.toString().endsWith("/") ? endpoint.toString().substring(0,
                    endpoint.toString().length() - 1) : endpoint.toString();
            try {
                return http.send("GET", URI.create(base + path), Map.of("X-Auth-Token", token), null, retry);
            } catch (ServiceUnavailableException e) {
                throw MagnetarException.unavailable(name + " is unavailable: " + e.getMessage());
            }
        }

        JsonNode expect(ServiceResponse response, String what) {
            if (response.status() == 401 || response.status() == 403) {
                throw MagnetarException.forbidden(name + " refused to " + what + ": " + response.errorMessage());
            }
            if (!response.isSuccess()) {
                throw MagnetarException.unavailable(name + " could not " + what + ": HTTP " + response.status()
                        + " " + response.errorMessage());
            }
            return response.body();
        }
    }

    private static Image image(JsonNode image) {
        JsonNode distro = image.path("os_distro");
        return new Image(image.path("id").asText(), image.path("name").asText(null),
                distro.isMissingNode() || distro.isNull() ? null : distro.asText());
    }

    private static Flavor flavor(JsonNode flavor) {
        return new Flavor(flavor.path("id").asText(), flavor.path("name").asText(), flavor.path("vcpus").asInt(),
                flavor.path("ram").asInt(), flavor.path("disk").asInt());
    }

    private static <T> void addUnique(List<T> list, T item, Function<T, String> id) {
        if (list.stream().noneMatch(existing -> id.apply(existing).equals(id.apply(item)))) {
            list.add(item);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
