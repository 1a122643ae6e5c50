package dev.magnetar.store;

import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.PageRequest.SortDirection;

import java.util.Set;

/**
 * Magnum's keyset paging as SQL that H2, PostgreSQL and MariaDB run alike. Rows are ordered by the
 * sort column, then by the internal {@code id}, both in the requested direction, and NULL counts as
 * the lowest value everywhere (engines disagree on their own default, and MariaDB has no
 * {@code NULLS FIRST}, so the order spells it out). The page starts strictly after the marker row,
 * whose values are read by sub-selects on its uuid.
 */
final class PageQuery {

    private final String table;
    private final Set<String> sortKeys;

    /**
     * @param table    the table, which must have {@code id} and {@code uuid} columns
     * @param sortKeys the sortable columns; anything else is refused, so no caller text reaches SQL
     */
    PageQuery(String table, Set<String> sortKeys) {
        this.table = table;
        this.sortKeys = sortKeys;
    }

    /** {@code ORDER BY ...} over rows aliased {@code t}. */
    String orderBy(PageRequest page) {
        String column = column(page);
        String dir = page.direction() == SortDirection.DESC ? " DESC" : " ASC";
        if (column.equals("id")) {
            return "ORDER BY t.id" + dir;
        }
        return "ORDER BY CASE WHEN t." + column + " IS NULL THEN 0 ELSE 1 END" + dir
                + ", t." + column + dir + ", t.id" + dir;
    }

    /** The condition for rows after the marker bound as {@code :marker}, or null when there is no marker. */
    String afterMarker(PageRequest page) {
        if (page.marker() == null) {
            return null;
        }
        String column = column(page);
        boolean asc = page.direction() != SortDirection.DESC;
        String markerId = "(SELECT m.id FROM " + table + " m WHERE m.uuid = :marker)";
        String after = asc ? " > " : " < ";
        if (column.equals("id")) {
            return "t.id" + after + markerId;
        }
        String value = "(SELECT m." + column + " FROM " + table + " m WHERE m.uuid = :marker)";
        String c = "t." + column;
        String sameValueLaterId = "(" + c + " = " + value + " AND t.id" + after + markerId + ")";
        String laterValue = c + after + value;
        if (asc) {
            // NULLs come first: after a NULL marker come later NULLs and every non-NULL row.
            return "(" + laterValue + " OR " + sameValueLaterId
                    + " OR (" + value + " IS NULL AND (" + c + " IS NOT NULL OR t.id > " + markerId + ")))";
        }
        // NULLs come last: after a non-NULL marker come all NULL rows, after a NULL marker only later NULLs.
        return "(" + laterValue + " OR " + sameValueLaterId
                + " OR (" + c + " IS NULL AND (" + value + " IS NOT NULL OR t.id < " + markerId + ")))";
    }

    private String column(PageRequest page) {
        String key = page.sortKey() == null ? "id" : page.sortKey();
        if (!sortKeys.contains(key)) {
            throw new IllegalArgumentException("Not a sort key of " + table + ": " + key);
        }
        return key;
    }
}
