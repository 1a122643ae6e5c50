package dev.magnetar.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engines the store runs on, each able to make a scratch database for one test run and drop it
 * afterwards. The servers' admin URLs can be moved with {@code MAGNETAR_TEST_POSTGRES_URL} and
 * {@code MAGNETAR_TEST_MARIADB_URL}.
 */
enum Engine {

    H2 {
        @Override
        ScratchDatabase create() {
            String url = "jdbc:h2:mem:" + scratchName();
            // An in-memory H2 database lives as long as a connection to it: the store's pool.
            return new ScratchDatabase(new StoreConfig(url, "sa", "", POOL_SIZE), () -> { });
        }
    },

    POSTGRESQL {
        @Override
        ScratchDatabase create() {
            String admin = env("MAGNETAR_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
            String name = scratchName();
            execute(admin, "CREATE DATABASE " + name);
            return new ScratchDatabase(new StoreConfig(withDatabase(admin, name), null, null, POOL_SIZE),
                    () -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    },

    MARIADB {
        @Override
        ScratchDatabase create() {
            String admin = env("MAGNETAR_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root");
            String name = scratchName();
            execute(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            return new ScratchDatabase(new StoreConfig(withDatabase(admin, name), null, null, POOL_SIZE),
                    () -> execute(admin, "DROP DATABASE IF EXISTS " + name));
        }
    };

    static final String REQUIRE_DATABASES = "MAGNETAR_TEST_REQUIRE_DATABASES";

    /** Enough for the race tests' two workers plus a reader. */
    private static final int POOL_SIZE = 4;
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)/?([^?]*)(\\?.*)?$");

    /**
     * Creates an empty database on this engine.
     *
     * @throws SQLException wrapped in {@link IllegalStateException} when the server cannot be reached
     */
    abstract ScratchDatabase create();

    /** Whether an unreachable server fails the run rather than skipping its tests. */
    static boolean databasesRequired() {
        return Boolean.parseBoolean(System.getenv(REQUIRE_DATABASES));
    }

    private static String scratchName() {
        return "magnetar_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The admin URL with its database replaced by {@code database}, keeping host and parameters. */
    static String withDatabase(String adminUrl, String database) {
        Matcher m = SERVER_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a server JDBC URL: " + adminUrl);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static void execute(String url, String sql) {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(url, new Properties());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run \"" + sql + "\" on " + url + ": " + e.getMessage(), e);
        }
    }

    /** A database made for one test run, and how to get rid of it. */
    record ScratchDatabase(StoreConfig config, Runnable drop) {
    }
}
