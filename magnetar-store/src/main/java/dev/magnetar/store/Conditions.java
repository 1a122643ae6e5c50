package dev.magnetar.store;

import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A WHERE clause assembled from the conditions that apply, with the values they bind. */
final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    Conditions add(String condition) {
        if (condition != null) {
            conditions.add(condition);
        }
        return this;
    }

    Conditions add(String condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
        return this;
    }

    Conditions bind(String name, Object value) {
        values.put(name, value);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    Query bindTo(Query query) {
        values.forEach(query::bind);
        return query;
    }
}
