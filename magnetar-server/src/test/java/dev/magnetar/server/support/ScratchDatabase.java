package dev.magnetar.server.support;

import dev.magnetar.server.config.Option;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * An empty database of its own on the PostgreSQL or MariaDB server on loopback, for whole-server
 * tests that must run on every engine: the options that point a {@link TestServer} at it, and a
 * {@link #close()} that drops it. An unreachable server skips the test, or fails it when
 * {@code MAGNETAR_TEST_REQUIRE_DATABASES=true}.
 */
public final class ScratchDatabase implements AutoCloseable {

    /** A server engine and how to reach it as its administrator. */
    public enum Engine {
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/postgres", "jdbc:postgresql://127.0.0.1:5432/", "postgres",
                " WITH (FORCE)"),
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "jdbc:mariadb://127.0.0.1:3306/", "root", "");

        private final String adminUrl;
        private final String base;
        private final String user;
        private final String dropSuffix;

        Engine(String adminUrl, String base, String user, String dropSuffix) {
            this.adminUrl = adminUrl;
            this.base = base;
            this.user = user;
            this.dropSuffix = dropSuffix;
        }
    }

    private final Engine engine;
    private final String name;

    private ScratchDatabase(Engine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    public static ScratchDatabase create(Engine engine) {
        String name = "magnetar_it_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(engine.adminUrl, engine.user, "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_DATABASES"))) {
                throw new IllegalStateException(engine + " is not reachable", unreachable);
            }
            Assumptions.abort(engine + " is not reachable: " + unreachable.getMessage());
        }
        return new ScratchDatabase(engine, name);
    }

    /** Server options for this database; {@code migrate} lets the server create the schema at start. */
    public Map<Option, String> options(boolean migrate) {
        return Map.of(Option.DATABASE_URL, engine.base + name, Option.DATABASE_USER, engine.user,
                Option.DATABASE_MIGRATE_ON_START, migrate ? "true" : "false");
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(engine.adminUrl, engine.user, "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + engine.dropSuffix);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop " + name + " on " + engine, e);
        }
    }
}
