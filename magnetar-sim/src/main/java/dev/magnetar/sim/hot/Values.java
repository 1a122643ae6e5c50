package dev.magnetar.sim.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers for the loosely typed values (maps, lists, scalars) a HOT document is made of. */
public final class Values {

    private Values() {
    }

    /** A word for the value's shape, for error messages. */
    public static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a string";
    }

    /** Heat's string form of a scalar: numbers without a needless ".0", null as empty. */
    public static String string(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    /** The value as a list: a list as is, null as empty, anything else as a one-element list. */
    public static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }

    /** Follows keys (for maps) and indices (for lists) into a value; null where the path leads nowhere. */
    public static Object dig(Object value, List<?> path) {
        Object current = value;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(string(step));
            } else if (current instanceof List<?> list) {
                int index;
                try {
                    index = step instanceof Number n ? n.intValue() : Integer.parseInt(string(step));
                } catch (NumberFormatException e) {
                    return null;
                }
                current = index >= 0 && index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}
