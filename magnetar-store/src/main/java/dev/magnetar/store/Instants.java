package dev.magnetar.store;

import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in zone-less timestamp columns, as UTC wall-clock time with microseconds. Values go through
 * {@link LocalDateTime} with {@code setObject}/{@code getObject}, never {@link java.sql.Timestamp}, so
 * neither the JVM's nor the session's time zone (nor a daylight-saving gap in either) can shift them,
 * and all three engines give back exactly what was stored.
 */
final class Instants {

    private Instants() {
    }

    /** The precision every engine keeps; finer digits are cut before writing, the same way everywhere. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Argument argument(Instant instant) {
        if (instant == null) {
            return (position, statement, context) -> statement.setNull(position, Types.TIMESTAMP);
        }
        LocalDateTime utc = LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, utc);
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        return utc(row.getObject(column, LocalDateTime.class));
    }

    static Instant read(ResultSet row, int column) throws SQLException {
        return utc(row.getObject(column, LocalDateTime.class));
    }

    private static Instant utc(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
