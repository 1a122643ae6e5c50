package dev.magnetar.store;

import java.util.List;
import java.util.stream.Collectors;

/** The SQL that follows from a table's column list, so each column is named in one place. */
record Columns(String table, List<String> names) {

    Columns {
        names = List.copyOf(names);
    }

    /** {@code a, b, c} qualified by the alias {@code t}. */
    String select() {
        return names.stream().map(n -> "t." + n).collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO table (a, b) VALUES (:a, :b)}. */
    String insert() {
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> ":" + n).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code a = :a, b = :b} for every column but the {@code kept} ones. */
    String assignmentsExcept(String... kept) {
        List<String> keep = List.of(kept);
        return names.stream().filter(n -> !keep.contains(n)).map(n -> n + " = :" + n)
                .collect(Collectors.joining(", "));
    }
}
