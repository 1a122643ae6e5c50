package dev.magnetar.openstack.keystone;

import dev.magnetar.openstack.http.StubServer;
import dev.magnetar.openstack.http.StubServer.Answer;

import java.time.Instant;
import java.util.Map;

/** Keystone v3 token bodies for stubbed Keystones, shaped as Keystone 22 answers them. */
public final class Tokens {

    private Tokens() {
    }

    /** A project-scoped token body whose catalogue lists the given type → URL (public, RegionOne). */
    public static String body(String user, String project, String role, Instant expiresAt, Map<String, String> catalog) {
        StringBuilder services = new StringBuilder();
        catalog.forEach((type, url) -> services.append(services.isEmpty() ? "" : ",").append("""
                {"type": "%s", "name": "%s", "endpoints": [
                  {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "%s"},
                  {"interface": "internal", "region_id": "RegionOne", "region": "RegionOne", "url": "%s/internal"}]}
                """.formatted(type, type, url, url)));
        return """
                {"token": {"methods": ["password"], "expires_at": "%s",
                  "user": {"id": "%s-id", "name": "%s", "domain": {"id": "default", "name": "Default"}},
                  "project": {"id": "%s-id", "name": "%s", "domain": {"id": "default", "name": "Default"}},
                  "roles": [{"id": "r1", "name": "%s"}],
                  "catalog": [%s]}}""".formatted(expiresAt, user, user, project, project, role, services);
    }

    /** Stubs {@code POST /v3/auth/tokens} to issue {@code value} with the given body. */
    public static void issue(StubServer stub, String value, String body) {
        stub.on("POST", "/v3/auth/tokens", new Answer(201, body,
                Map.of("Content-Type", "application/json", "X-Subject-Token", value)));
    }
}
