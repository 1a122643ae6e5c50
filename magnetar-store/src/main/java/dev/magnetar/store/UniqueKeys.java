package dev.magnetar.store;

import dev.magnetar.core.error.MagnetarException;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Turns a unique-key violation into Magnum's 409: the database, not a prior look-up, is what makes a
 * duplicate impossible when two requests race. Other failures pass through untouched.
 */
final class UniqueKeys {

    private final Dialect dialect;

    UniqueKeys(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Runs {@code write}; a duplicate key becomes {@link MagnetarException} of kind CONFLICT with {@code message}. */
    <T> T orConflict(Supplier<T> write, Supplier<String> message) {
        try {
            return write.get();
        } catch (StatementException e) {
            if (isUniqueViolation(e)) {
                throw MagnetarException.conflict(message.get());
            }
            throw e;
        }
    }

    boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (dialect.isUniqueViolation(e.getSQLState(), e.getErrorCode())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
