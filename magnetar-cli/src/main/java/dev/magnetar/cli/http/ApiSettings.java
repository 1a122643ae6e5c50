package dev.magnetar.cli.http;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom the client talks: the endpoint, a Keystone token or the noauth project and
 * roles, and the requested microversion.
 *
 * @param endpoint   the API root, e.g. {@code http://127.0.0.1:9511} (a trailing {@code /v1} is dropped)
 * @param token      sent as {@code X-Auth-Token} when not null
 * @param projectId  sent as {@code X-Project-Id} when not null (noauth mode)
 * @param roles      sent as {@code X-Roles} when not null (noauth mode)
 * @param apiVersion sent as {@code OpenStack-API-Version: container-infra <apiVersion>}
 */
public record ApiSettings(URI endpoint, String token, String projectId, String roles, String apiVersion) {

    public ApiSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(apiVersion, "apiVersion");
        endpoint = apiRoot(endpoint);
    }

    /** Users paste both {@code http://host:9511} and the catalogue's {@code http://host:9511/v1/}. */
    private static URI apiRoot(URI endpoint) {
        String text = endpoint.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("/v1")) {
            text = text.substring(0, text.length() - "/v1".length());
        }
        return URI.create(text);
    }
}
