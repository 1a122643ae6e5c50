package dev.magnetar.core.service;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.PageRequest;

import java.util.Locale;
import java.util.Set;

/** Checks Magnum's paging parameters and turns them into a {@link PageRequest}. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param limit   null for the maximum
     * @param sortKey null for {@code id}
     * @param sortDir null for {@code asc}
     */
    public static PageRequest request(Integer limit, String marker, String sortKey, String sortDir,
                                      Set<String> sortable) {
        if (limit != null && limit <= 0) {
            throw MagnetarException.invalid("Limit must be positive");
        }
        int effectiveLimit = limit == null ? PageRequest.MAX_LIMIT : Math.min(limit, PageRequest.MAX_LIMIT);
        String key = sortKey == null ? "id" : sortKey;
        if (!sortable.contains(key)) {
            throw MagnetarException.invalid("The sort_key value \"" + key + "\" is an invalid field for sorting");
        }
        PageRequest.SortDirection direction;
        String dir = sortDir == null ? "asc" : sortDir.toLowerCase(Locale.ROOT);
        switch (dir) {
            case "asc" -> direction = PageRequest.SortDirection.ASC;
            case "desc" -> direction = PageRequest.SortDirection.DESC;
            default -> throw MagnetarException.invalid(
                    "Invalid sort direction: " + sortDir + ". Acceptable values are 'asc' or 'desc'");
        }
        if (marker != null && !Identifiers.looksLikeUuid(marker)) {
            throw MagnetarException.invalid("Invalid UUID: " + marker + " (marker)");
        }
        return new PageRequest(effectiveLimit, marker == null ? null : Identifiers.canonicalUuid(marker), key,
                direction);
    }
}
