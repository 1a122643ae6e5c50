package dev.magnetar.store;

import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.Repositories;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The core's unit of work on JDBI: one handle, one transaction. An exception thrown by the work rolls
 * everything back and reaches the caller unchanged (a {@code MagnetarException} stays one).
 */
final class JdbiDatabase implements Database {

    private final DataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final UniqueKeys uniqueKeys;
    private final boolean exclusive;
    /** Committed transactions that wrote templates, counted after their commit (exclusive databases). */
    private final AtomicLong committedTemplateWrites = new AtomicLong();

    /**
     * @param jdbi      configured on {@code pool}
     * @param exclusive no other process can write the database (see {@link Dialect#isExclusive})
     */
    JdbiDatabase(Jdbi jdbi, DataSource pool, Dialect dialect, boolean exclusive) {
        this.pool = pool;
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.uniqueKeys = new UniqueKeys(dialect);
        this.exclusive = exclusive;
    }

    @Override
    public <T> T transaction(Function<Repositories, T> work) {
        AtomicBoolean wroteTemplates = new AtomicBoolean();
        T result = jdbi.inTransaction(handle -> work.apply(
                new JdbiRepositories(handle, uniqueKeys, dialect, () -> wroteTemplates.set(true))));
        if (wroteTemplates.get()) {
            committedTemplateWrites.incrementAndGet(); // after the commit, before the caller hears of it
        }
        return result;
    }

    /**
     * On a database only this process can write, the count of its own committed template writes: no
     * other replica can exist, and each write is counted after its commit and before its caller
     * returns, so a reader never pairs a count with rows older than it. Elsewhere, one auto-committed
     * primary-key read of the counter that every writer increments in its transaction, on a pooled
     * connection in plain JDBC (a JDBI transaction cost several times the read itself). On embedded
     * H2 even that read cost most of a cached list's time: H2 snapshots its open transactions for
     * every statement.
     */
    @Override
    public long templateGeneration() {
        if (exclusive) {
            return committedTemplateWrites.get();
        }
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
