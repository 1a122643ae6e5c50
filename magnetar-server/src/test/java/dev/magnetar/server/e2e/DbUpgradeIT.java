package dev.magnetar.server.e2e;

import dev.magnetar.server.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `magnetar db-upgrade` migrates a real PostgreSQL and a real MariaDB database from nothing, and a
 * second run changes nothing.
 */
class DbUpgradeIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "postgresql, jdbc:postgresql://127.0.0.1:5432/postgres, postgres, jdbc:postgresql://127.0.0.1:5432/",
            "mariadb,    jdbc:mariadb://127.0.0.1:3306/,          root,     jdbc:mariadb://127.0.0.1:3306/"})
    void migrates_an_empty_database_and_is_idempotent(String engine, String adminUrl, String user, String base)
            throws Exception {
        String database = "magnetar_upgrade_" + Long.toHexString(System.nanoTime());
        try (Connection admin = connect(adminUrl, user)) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_DATABASES"))) {
                throw unreachable;
            }
            Assumptions.abort(engine + " is not reachable: " + unreachable.getMessage());
        }
        try {
            Path config = Files.createTempFile("magnetar", ".toml");
            Files.writeString(config, "[database]\nurl = \"" + base + database + "\"\nuser = \"" + user + "\"\n");
            assertThat(Main.run("db-upgrade", "--config-file", config.toString())).isZero();
            assertThat(Main.run("db-upgrade", "--config-file", config.toString())).isZero();
            try (Connection db = connect(base + database, user);
                 ResultSet tables = db.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                java.util.List<String> names = new java.util.ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
                assertThat(names).contains("cluster_templates", "clusters", "operations", "conductors", "quotas");
            }
        } finally {
            try (Connection admin = connect(adminUrl, user)) {
                admin.createStatement().execute("DROP DATABASE " + database);
            }
        }
    }

    private static Connection connect(String url, String user) throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
