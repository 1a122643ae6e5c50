package dev.magnetar.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.magnetar.core.port.Database;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * Magnetar's database: a connection pool, the schema's migrations and the core's {@link Database}
 * port on top. Opening connects but never changes the schema; {@link #migrate()} does, and only the
 * {@code db-upgrade} command and {@code serve} call it, so an operator decides when the schema moves.
 *
 * <p>Every connection runs READ COMMITTED, whatever the engine's default, so H2, PostgreSQL and
 * MariaDB see concurrent writers alike, and waits for a row lock at least 30 s (see
 * {@link Dialect#connectionInitSql()}).
 */
public final class Store implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    private final StoreConfig config;
    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Database database;

    private Store(StoreConfig config, HikariDataSource pool, Dialect dialect) {
        this.config = config;
        this.pool = pool;
        this.dialect = dialect;
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementMessages::render);
        ColumnTypes.register(jdbi);
        this.database = new JdbiDatabase(jdbi, pool, dialect, Dialect.isExclusive(config.jdbcUrl()));
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws IllegalArgumentException when the URL names an engine Magnetar does not run on
     * @throws RuntimeException         from the pool when the database cannot be reached
     */
    public static Store open(StoreConfig config) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        if (config.jdbcUrl().startsWith("jdbc:h2:" + OwnerOnlyFiles.SCHEME + ":")) {
            OwnerOnlyFiles.register();
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("magnetar");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(blankToNull(config.user()));
        hikari.setPassword(blankToNull(config.password()));
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(Math.min(2, config.maxPoolSize()));
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hikari.setConnectionInitSql(dialect.connectionInitSql());
        if (dialect == Dialect.POSTGRESQL) {
            // The server's error details quote row values (secret labels among them); keep them out
            // of exception messages and so out of the log. See StatementMessages.
            hikari.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return new Store(config, new HikariDataSource(hikari), dialect);
    }

    /**
     * Brings the schema to the newest version; a no-op when it is there already. Flyway connects on
     * its own rather than through the pool, because it holds two connections at once on some engines
     * and a pool of one would starve it.
     */
    public void migrate() {
        Flyway.configure()
                .dataSource(config.jdbcUrl(), blankToNull(config.user()), blankToNull(config.password()))
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void close() {
        pool.close();
    }
}
