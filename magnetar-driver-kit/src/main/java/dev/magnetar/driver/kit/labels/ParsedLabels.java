package dev.magnetar.driver.kit.labels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A driver's labels parsed once: the driver's one parsed value per label set, kept for the recent
 * label sets so that validation, rendering, the monitor account decision and the monitor of the
 * same cluster share one reading instead of each parsing the raw map again. Parsing is a pure
 * function of the raw labels, so a kept value is always the value a new parse would give.
 * Thread-safe; holds at most {@code capacity} label sets, forgetting the least recently used.
 *
 * @param <T> the driver's parsed-labels value
 */
public final class ParsedLabels<T> {

    /** Enough for every cluster a conductor monitors in one sweep, at a few kilobytes each. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final Function<Map<String, String>, T> parse;
    private final Map<Map<String, String>, T> recent;

    public ParsedLabels(Function<Map<String, String>, T> parse) {
        this(parse, DEFAULT_CAPACITY);
    }

    public ParsedLabels(Function<Map<String, String>, T> parse, int capacity) {
        this.parse = parse;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Map<String, String>, T> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The parsed value of {@code raw} (null reads as no labels). */
    public T of(Map<String, String> raw) {
        Map<String, String> key = raw == null ? Map.of() : new LinkedHashMap<>(raw);
        synchronized (recent) {
            T kept = recent.get(key);
            if (kept != null) {
                return kept;
            }
        }
        T parsed = parse.apply(key);
        synchronized (recent) {
            recent.put(key, parsed);
        }
        return parsed;
    }
}
