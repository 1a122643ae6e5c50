package dev.magnetar.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.magnetar.core.port.Database;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Magnetar's database: a connection pool, the schema's migrations and the core's {@link Database}
 * port on top. Opening connects but never changes the schema; {@link #migrate()} does, and only the
 * {@code db-upgrade} command and {@code serve} call it, so an operator decides when the schema moves.
 *
 * <p>Every connection runs READ COMMITTED, whatever the engine's default, so H2, PostgreSQL and
 * MariaDB see concurrent writers alike.
 */
public final class Store implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Database database;

    private Store(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.database = new JdbiDatabase(Jdbi.create(pool), dialect);
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws IllegalArgumentException when the URL names an engine Magnetar does not run on
     * @throws RuntimeException         from the pool when the database cannot be reached
     */
    public static Store open(StoreConfig config) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("magnetar");
        hikari.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null && !config.user().isBlank()) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null && !config.password().isBlank()) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(Math.min(2, config.maxPoolSize()));
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new Store(new HikariDataSource(hikari), dialect);
    }

    /** Brings the schema to the newest version; a no-op when it is there already. */
    public void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations(MIGRATIONS)
                .placeholders(dialect.migrationPlaceholders())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** The repositories, one transaction per call. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        pool.close();
    }
}
