package dev.magnetar.openstack.keystone;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The services and endpoints a token's catalogue lists. Keystone has already substituted the
 * project id into endpoint URLs such as Heat's {@code /v1/%(tenant_id)s} for a project-scoped token.
 */
public record ServiceCatalog(List<Endpoint> endpoints) {

    public static final ServiceCatalog EMPTY = new ServiceCatalog(List.of());

    public record Endpoint(String serviceType, String serviceName, String interfaceName, String region, URI url) {
    }

    public ServiceCatalog {
        endpoints = List.copyOf(endpoints);
    }

    /** Reads the {@code catalog} array of a v3 token body. */
    public static ServiceCatalog fromJson(JsonNode catalog) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonNode service : catalog) {
            for (JsonNode endpoint : service.path("endpoints")) {
                String region = endpoint.hasNonNull("region_id") ? endpoint.path("region_id").asText()
                        : endpoint.path("region").asText(null);
                endpoints.add(new Endpoint(service.path("type").asText(), service.path("name").asText(null),
                        endpoint.path("interface").asText(), region, URI.create(endpoint.path("url").asText())));
            }
        }
        return new ServiceCatalog(endpoints);
    }

    /**
     * The endpoint of a service type on the interface, in the region when one is given (else the
     * first that matches the interface).
     */
    public Optional<URI> endpoint(String serviceType, String interfaceName, String region) {
        return endpoints.stream()
                .filter(e -> e.serviceType().equals(serviceType))
                .filter(e -> e.interfaceName().equals(interfaceName))
                .filter(e -> region == null || region.isBlank() || region.equals(e.region()))
                .map(Endpoint::url)
                .findFirst();
    }

    public boolean has(String serviceType) {
        return endpoints.stream().anyMatch(e -> e.serviceType().equals(serviceType));
    }
}
