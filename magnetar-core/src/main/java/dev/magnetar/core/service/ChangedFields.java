package dev.magnetar.core.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields a change touched, by API field name: the one comparison behind "cannot change cluster
 * property(ies) ..." and the rules on templates in use. Values are compared with {@code equals}.
 */
public final class ChangedFields {

    private ChangedFields() {
    }

    /** The names in {@code after} whose value differs from {@code before}'s, or that {@code before} lacks. */
    public static Set<String> between(Map<String, ?> before, Map<String, ?> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((name, value) -> {
            if (!before.containsKey(name) || !Objects.equals(before.get(name), value)) {
                changed.add(name);
            }
        });
        return changed;
    }

    /**
     * A record's components by API field name: the snake_case of the component's name unless
     * {@code renamed} names it otherwise; the {@code ignored} components (by Java name) are left out.
     */
    public static Map<String, Object> of(Record record, Map<String, String> renamed, Set<String> ignored) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String name = component.getName();
            if (!ignored.contains(name)) {
                fields.put(renamed.getOrDefault(name, snakeCase(name)), valueOf(component, record));
            }
        }
        return fields;
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
