package dev.magnetar.store;

import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.Repositories;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The core's unit of work on JDBI: one handle, one transaction. An exception thrown by the work rolls
 * everything back and reaches the caller unchanged (a {@code MagnetarException} stays one).
 */
final class JdbiDatabase implements Database {

    private final DataSource pool;
    private final Jdbi jdbi;
    private final UniqueKeys uniqueKeys;

    JdbiDatabase(DataSource pool, Dialect dialect) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.uniqueKeys = new UniqueKeys(dialect);
    }

    @Override
    public <T> T transaction(Function<Repositories, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new JdbiRepositories(handle, uniqueKeys)));
    }

    /**
     * One auto-committed primary-key read on a pooled connection, in plain JDBC: it runs on every
     * list request, where a JDBI transaction (handle, autocommit off and on, commit) cost several
     * times the read itself.
     */
    @Override
    public long templateGeneration() {
        try (Connection connection = pool.getConnection();
             PreparedStatement read = connection.prepareStatement(JdbiClusterTemplateRepository.GENERATION);
             ResultSet row = read.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("change_generations has no row for cluster_templates");
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the templates' generation failed: " + e.getMessage(), e);
        }
    }
}
