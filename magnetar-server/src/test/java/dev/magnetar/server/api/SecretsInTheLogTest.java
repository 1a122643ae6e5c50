package dev.magnetar.server.api;

import dev.magnetar.server.config.Option;
import dev.magnetar.server.support.Api;
import dev.magnetar.server.support.LogCapture;
import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose write fails inside the database is logged with the failing statement and the
 * database's error, but without the values bound to it: a canary secret label sent in that request
 * appears nowhere in the log.
 */
class SecretsInTheLogTest {

    /** Templates of this name break a check constraint the test adds, so their insert fails in the database. */
    private static final String REFUSED_NAME = "refused-by-the-database";

    private String url;
    private Connection keepAlive;
    private TestServer server;

    @BeforeEach
    void aServerWhoseDatabaseRefusesOneTemplateName() throws Exception {
        url = "jdbc:h2:mem:log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        server = TestServer.start(Map.of(Option.DATABASE_URL, url, Option.DATABASE_MIGRATE_ON_START, "true"));
        keepAlive = DriverManager.getConnection(url);
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("ALTER TABLE cluster_templates ADD CONSTRAINT refuse_one_name CHECK (name <> '"
                    + REFUSED_NAME + "')");
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("SHUTDOWN");
        }
        keepAlive.close();
    }

    @Test
    void a_write_that_fails_in_the_database_is_logged_without_the_secret_label_it_carried() {
        String canary = "canary-" + UUID.randomUUID();
        Api admin = server.api().as("p-log", "admin");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", REFUSED_NAME);
        template.put("coe", "dcos");
        template.put("image_id", "dcos-centos-7.2");
        template.put("keypair_id", "testkey");
        template.put("external_network_id", "public");
        template.put("flavor_id", "m1.small");
        template.put("labels", Map.of("exhibitor_storage_backend", "azure", "exhibitor_azure_account_name",
                "magnetarlogs", "exhibitor_azure_prefix", "exhibitor", "exhibitor_azure_account_key", canary));

        String log;
        Api.Response failed;
        try (LogCapture capture = LogCapture.start()) {
            failed = admin.post("/v1/clustertemplates", template);
            log = capture.text();
        }

        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain(canary);
        assertThat(log).as("the failure is logged, with the statement and the database's reason")
                .contains("POST /v1/clustertemplates")
                .containsIgnoringCase("insert into cluster_templates")
                .containsIgnoringCase("refuse_one_name");
        assertThat(log).doesNotContain(canary);
    }
}
