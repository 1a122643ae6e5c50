package dev.magnetar.driver.kit.labels;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The label types drivers share: bool, int within a range, enumerations, Mesos durations, JSON
 * objects, free text and secrets, each a {@link LabelType} with its check and its config-tree form.
 */
public final class LabelTypes {

    /** Mesos' Duration: a decimal number directly followed by a unit (stout's duration.hpp). */
    public static final Pattern MESOS_DURATION = Pattern.compile("[0-9]+(\\.[0-9]+)?(ns|us|ms|secs|mins|hrs|days|weeks)");

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private LabelTypes() {
    }

    /** {@code true} or {@code false}, written as a YAML boolean. */
    public static LabelType bool() {
        ValueCheck check = ValueChecks.bool();
        return new Typed("bool", check) {
            @Override
            public JsonNode tree(String value) {
                return BooleanNode.valueOf(Boolean.parseBoolean(value));
            }

            @Override
            public Optional<String> renderedProblem(JsonNode node) {
                return node.isBoolean() ? Optional.empty() : Optional.of("must be a YAML boolean");
            }
        };
    }

    /** An integer from {@code min} to {@code max}, written as a number. */
    public static LabelType integer(int min, int max) {
        return integer("int", min, max);
    }

    /** {@link #integer(int, int)} under another name, e.g. {@code int (ms)}. */
    public static LabelType integer(String name, int min, int max) {
        return new Typed(name, ValueChecks.integer(min, max)) {
            @Override
            public JsonNode tree(String value) {
                return IntNode.valueOf(Integer.parseInt(value));
            }
        };
    }

    /** One of {@code allowed}, written as text. */
    public static LabelType oneOf(String... allowed) {
        return new Typed("enum", ValueChecks.oneOf(allowed));
    }

    /**
     * A Mesos duration (a number directly followed by ns, us, ms, secs, mins, hrs, days or weeks),
     * written as text.
     */
    public static LabelType mesosDuration() {
        return mesosDuration(v -> MESOS_DURATION.matcher(v).matches() ? Optional.empty()
                : Optional.of("must be a Mesos duration: a number directly followed by one of ns, us, ms, secs, "
                + "mins, hrs, days, weeks (e.g. 1hrs; a bare number or '1h' is invalid)"));
    }

    /** A Mesos duration judged by {@code check} (e.g. with bounds), written as text. */
    public static LabelType mesosDuration(ValueCheck check) {
        return new Typed("Mesos duration", check) {
            @Override
            public Optional<String> renderedProblem(JsonNode node) {
                return MESOS_DURATION.matcher(node.asText()).matches() ? Optional.empty()
                        : Optional.of("must be a Mesos duration");
            }
        };
    }

    /** A JSON object that {@code check} allows, written as the object itself (a YAML map). */
    public static LabelType json(ValueCheck check) {
        return new Typed("JSON", check) {
            @Override
            public JsonNode tree(String value) {
                return jsonObject(value).orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
            }
        };
    }

    /** Text that {@code check} allows, shown in the guide as {@code name}. */
    public static LabelType text(String name, ValueCheck check) {
        return new Typed(name, check);
    }

    /** A secret (a password or key): text that {@code check} allows, never repeated in answers. */
    public static LabelType secret(ValueCheck check) {
        return new Typed(LabelSpec.SECRET, check) {
            @Override
            public boolean secret() {
                return true;
            }
        };
    }

    /** The JSON object {@code value} holds, read strictly (a key given twice is refused); else empty. */
    public static Optional<JsonNode> jsonObject(String value) {
        try {
            JsonNode node = STRICT_JSON.readTree(value);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A type that is its name and its check, written as text unless a subclass says otherwise. */
    private static class Typed implements LabelType {

        private final String name;
        private final ValueCheck check;

        Typed(String name, ValueCheck check) {
            this.name = name;
            this.check = check == null ? ValueCheck.ANY : check;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> problem(String value) {
            return check.problem(value);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
