package dev.magnetar.store;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL that follows from a table's columns, so each column is named in one place. Each column has
 * the named parameter it is bound from; for a record's columns that is the accessor's name, so that
 * {@code bindMethods} binds them, and each column is read back under the snake_case of that name, so that
 * JDBI's {@code ConstructorMapper} finds it.
 *
 * @param parameters column name to the name of the parameter it is bound from, in column order
 */
record Columns(String table, Map<String, String> parameters) {

    Columns {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Columns bound from parameters of their own names. */
    Columns(String table, List<String> names) {
        this(table, names.stream().collect(
                Collectors.<String, String, String, Map<String, String>>toMap(n -> n, n -> n, (a, b) -> a,
                        LinkedHashMap::new)));
    }

    /**
     * One column per component of {@code record}, in snake_case, those of nested records in place of the
     * nested record itself.
     *
     * @param columnOf the columns whose names are not the snake_case of the component's name
     */
    static Columns ofRecord(String table, Class<? extends Record> record, Map<String, String> columnOf) {
        Map<String, String> parameters = new LinkedHashMap<>();
        addComponents(record, columnOf, parameters);
        return new Columns(table, parameters);
    }

    private static void addComponents(Class<?> record, Map<String, String> columnOf, Map<String, String> parameters) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isRecord()) {
                addComponents(component.getType(), columnOf, parameters);
            } else {
                String name = component.getName();
                parameters.put(columnOf.getOrDefault(name, snakeCase(name)), name);
            }
        }
    }

    static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    List<String> names() {
        return new ArrayList<>(parameters.keySet());
    }

    /** {@code a, b AS b_label, c} qualified by the alias {@code t}; a column is read as its parameter's snake_case. */
    String select() {
        return parameters.entrySet().stream()
                .map(c -> {
                    String label = snakeCase(c.getValue());
                    return label.equals(c.getKey()) ? "t." + c.getKey() : "t." + c.getKey() + " AS " + label;
                })
                .collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO table (a, b) VALUES (:a, :b)}. */
    String insert() {
        return "INSERT INTO " + table + " (" + String.join(", ", parameters.keySet()) + ") VALUES ("
                + parameters.values().stream().map(p -> ":" + p).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code a = :a, b = :b} for every column but the {@code kept} ones. */
    String assignmentsExcept(String... kept) {
        List<String> keep = List.of(kept);
        return parameters.entrySet().stream().filter(c -> !keep.contains(c.getKey()))
                .map(c -> c.getKey() + " = :" + c.getValue())
                .collect(Collectors.joining(", "));
    }
}
