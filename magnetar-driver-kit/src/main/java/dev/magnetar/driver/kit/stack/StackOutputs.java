package dev.magnetar.driver.kit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads the values of a stack's outputs. Heat gives a list or a string for addresses, and a
 * wait condition's data as a JSON object of signal id to datum; a plain string (as a simulated
 * cloud may give) is taken as is.
 */
public final class StackOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackOutputs() {
    }

    /** The non-empty strings of a list output, or the one string of a string output. */
    public static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof String s && !s.isEmpty()) {
            return List.of(s);
        }
        return List.of();
    }

    /** The output as text, or {@code null} when it is missing or empty. */
    public static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    /** The first non-empty datum of one wait condition's data; other text as it is. */
    public static String signalData(Object value) {
        String text = text(value);
        if (text == null || !text.startsWith("{")) {
            return text;
        }
        try {
            Iterator<JsonNode> values = JSON.readTree(text).elements();
            while (values.hasNext()) {
                String v = values.next().asText("");
                if (!v.isEmpty()) {
                    return v;
                }
            }
            return null;
        } catch (Exception e) {
            return text;
        }
    }

    /**
     * A version number a node reported (e.g. {@code 2.2.0}, {@code 19.03.15}, {@code 1.11.0-rc1}), from
     * one wait condition's data or a list of them; anything that is not a version (a stand-in's
     * placeholder, an error text) is no version, so the field stays empty rather than misleading.
     */
    public static String version(Object value) {
        String datum = firstSignalData(value);
        return datum != null && VERSION.matcher(datum.trim()).matches() ? datum.trim() : null;
    }

    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("^v?\\d+(\\.\\d+)+([-+~][0-9A-Za-z.]+)?$");

    /** Like {@link #signalData}, and for a list of wait conditions' data (one per node) the first datum found. */
    public static String firstSignalData(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(StackOutputs::firstSignalData).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return signalData(value);
    }
}
