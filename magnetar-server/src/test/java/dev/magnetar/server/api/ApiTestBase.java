package dev.magnetar.server.api;

import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

/**
 * One server per test class; each test acts in a project of its own, so tests cannot see each
 * other's resources (tenancy is part of what is tested).
 */
abstract class ApiTestBase {

    static TestServer server;

    /** An admin of this test's own project. */
    Api admin;
    /** A member (non-admin) of this test's own project. */
    Api member;
    /** A member of another project. */
    Api stranger;
    String project;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void callers() {
        project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin = server.api().as(project, "admin");
        member = server.api().as(project, "member");
        stranger = server.api().as(project + "x", "member");
    }

    /** The templates of this test's project in a list response (public ones of other tests are visible too). */
    static java.util.List<String> own(Api.Response list, String key, String field, String project) {
        java.util.List<String> values = new java.util.ArrayList<>();
        list.json().get(key).forEach(item -> {
            if (project.equals(item.path("project_id").asText())) {
                values.add(item.path(field).asText());
            }
        });
        return values;
    }

    String createTemplate(Api as, java.util.Map<String, Object> body) {
        Api.Response created = as.post("/v1/clustertemplates", body);
        if (created.status() != 201) {
            throw new AssertionError("template create failed: " + created);
        }
        return created.json().path("uuid").asText();
    }
}
