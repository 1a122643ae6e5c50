package dev.magnetar.store;

import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.Repositories;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Function;

/**
 * The core's unit of work on JDBI: one handle, one transaction. An exception thrown by the work rolls
 * everything back and reaches the caller unchanged (a {@code MagnetarException} stays one).
 */
final class JdbiDatabase implements Database {

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final UniqueKeys uniqueKeys;

    JdbiDatabase(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.uniqueKeys = new UniqueKeys(dialect);
    }

    @Override
    public <T> T transaction(Function<Repositories, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new JdbiRepositories(handle, uniqueKeys, dialect)));
    }
}
