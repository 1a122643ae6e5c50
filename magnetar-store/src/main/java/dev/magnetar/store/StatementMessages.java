package dev.magnetar.store;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;

/**
 * What a failed statement's exception says, and so what the log says when it is logged: the
 * driver's error and the statement's SQL, never the values bound to it. JDBI's default appends every
 * bound value, and the values Magnetar binds include secret label values and sealed credentials.
 * The drivers are told the same where they have a say: PostgreSQL's {@code logServerErrorDetail}
 * is turned off (its server details quote row values); MariaDB's {@code dumpQueriesOnException} is
 * off by default; H2's messages quote the SQL with its {@code ?} placeholders.
 */
final class StatementMessages {

    static final String NOT_LOGGED = "bound values not logged";

    private StatementMessages() {
    }

    static String render(StatementException e) {
        StatementContext context = e.getStatementContext();
        String sql = context == null ? null : context.getRenderedSql();
        return sql == null ? e.getShortMessage()
                : e.getShortMessage() + " [statement:\"" + sql.strip() + "\", " + NOT_LOGGED + "]";
    }
}
