package dev.magnetar.core.port;

/**
 * Magnum's paging: rows ordered by {@code sortKey} then by the internal id, starting after the row
 * whose uuid is {@code marker}. Sort keys are field names (snake_case) already checked by the
 * service against the resource's sortable fields; {@code id} is the internal insertion order.
 */
public record PageRequest(int limit, String marker, String sortKey, SortDirection direction) {

    public static final int MAX_LIMIT = 1000;

    public static PageRequest firstPage(int limit) {
        return new PageRequest(limit, null, "id", SortDirection.ASC);
    }

    public enum SortDirection {
        ASC, DESC
    }
}
