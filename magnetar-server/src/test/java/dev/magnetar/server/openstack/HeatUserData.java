package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's {@code user_data} as Heat renders it from a HOT template, for the cluster rehearsal:
 * the {@code str_replace} over {@code list_join}ed {@code get_file}s, with the intrinsic functions
 * the driver's templates use ({@code get_param}, {@code get_attr}, {@code get_resource}, {@code if}
 * over the template's {@code conditions}, {@code list_join}, {@code equals}, {@code not},
 * {@code and}, {@code or}). Attributes come from the caller: the wait handles' {@code curl_cli}
 * from the real Heat, and the addresses a real Neutron would have given (the rehearsal hosts').
 * A function the templates start using that this does not know fails the test instead of being
 * rendered wrongly.
 */
final class HeatUserData {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TOKEN = Pattern.compile("__[A-Z][A-Z_]*__");

    private final JsonNode template;
    private final Map<String, String> files;
    private final Map<String, Object> parameters;
    private final Function<List<String>, Object> attributes;

    /**
     * @param parameters the values of the template's parameters; a parameter not given takes its default
     * @param attributes {@code get_attr} path (resource, attribute, keys...) to a string or list of strings
     */
    HeatUserData(String template, Map<String, String> files, Map<String, Object> parameters,
                 Function<List<String>, Object> attributes) {
        try {
            this.template = YAML.readTree(template);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        this.files = files;
        this.parameters = parameters;
        this.attributes = attributes;
    }

    /** The user_data of a server resource, checked to have no {@code __TOKEN__} left unreplaced. */
    String of(String serverResource) {
        JsonNode replace = template.path("resources").path(serverResource).path("properties").path("user_data")
                .path("str_replace");
        if (replace.isMissingNode()) {
            throw new AssertionError(serverResource + " has no str_replace user_data");
        }
        String text = string(replace.path("template"));
        Map<String, String> params = new LinkedHashMap<>();
        replace.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), string(e.getValue())));
        // Heat replaces the longest keys first, so no key is cut by a shorter one.
        List<String> keys = new ArrayList<>(params.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        for (String key : keys) {
            text = text.replace(key, params.get(key));
        }
        for (String line : text.split("\n")) {
            Matcher left = TOKEN.matcher(line);
            if (!line.strip().startsWith("#") && left.find()) {
                throw new AssertionError(serverResource + "'s user_data keeps " + left.group() + " unreplaced: "
                        + line);
            }
        }
        return text;
    }

    /** A ResourceGroup's resource_def properties, evaluated: the nested template's parameters. */
    Map<String, Object> groupMemberParameters(String group, int index) {
        Map<String, Object> values = new LinkedHashMap<>();
        template.path("resources").path(group).path("properties").path("resource_def").path("properties").fields()
                .forEachRemaining(e -> {
                    Object value = eval(e.getValue());
                    values.put(e.getKey(), value instanceof String s ? s.replace("%index%", Integer.toString(index))
                            : value);
                });
        return values;
    }

    private String string(JsonNode node) {
        Object value = eval(node);
        if (value instanceof List<?> list) {
            throw new AssertionError("a list where user_data needs a string: " + list);
        }
        return value == null ? "" : value.toString();
    }

    private Object eval(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(eval(item)));
            return items;
        }
        if (node.size() != 1) {
            throw new AssertionError("not an intrinsic function: " + node);
        }
        String function = node.fieldNames().next();
        JsonNode args = node.get(function);
        return switch (function) {
            case "get_file" -> {
                String file = files.get(args.asText());
                if (file == null) {
                    throw new AssertionError("get_file " + args.asText() + ": not in the stack's files");
                }
                yield file;
            }
            case "get_param" -> parameter(args.asText());
            case "get_attr" -> {
                List<String> path = new ArrayList<>();
                args.forEach(arg -> path.add(arg.asText()));
                yield attributes.apply(path);
            }
            case "get_resource" -> attributes.apply(List.of(args.asText(), "id"));
            case "if" -> condition(args.get(0)) ? eval(args.get(1)) : eval(args.get(2));
            case "list_join" -> {
                List<String> parts = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    flatten(eval(args.get(i)), parts);
                }
                yield String.join(args.get(0).asText(), parts);
            }
            default -> throw new AssertionError("intrinsic function " + function + " is not rehearsed: " + node);
        };
    }

    private static void flatten(Object value, List<String> into) {
        if (value instanceof List<?> list) {
            list.forEach(item -> flatten(item, into));
        } else {
            into.add(value == null ? "" : value.toString());
        }
    }

    private Object parameter(String name) {
        if (parameters.containsKey(name)) {
            Object value = parameters.get(name);
            return value == null ? "" : value instanceof List<?> ? value : value.toString();
        }
        JsonNode declared = template.path("parameters").path(name);
        if (declared.isMissingNode()) {
            throw new AssertionError("get_param " + name + ": no such parameter");
        }
        JsonNode fallback = declared.path("default");
        return fallback.isMissingNode() ? "" : fallback.isArray() ? eval(fallback) : fallback.asText();
    }

    private boolean condition(JsonNode node) {
        if (node.isTextual()) {
            JsonNode named = template.path("conditions").path(node.asText());
            if (named.isMissingNode()) {
                throw new AssertionError("no condition " + node.asText());
            }
            return condition(named);
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String function = node.fieldNames().next();
        JsonNode args = node.get(function);
        return switch (function) {
            case "equals" -> normal(eval(args.get(0))).equals(normal(eval(args.get(1))));
            case "not" -> !condition(args);
            case "and" -> {
                boolean all = true;
                for (JsonNode arg : args) {
                    all &= condition(arg);
                }
                yield all;
            }
            case "or" -> {
                boolean any = false;
                for (JsonNode arg : args) {
                    any |= condition(arg);
                }
                yield any;
            }
            default -> throw new AssertionError("condition function " + function + " is not rehearsed");
        };
    }

    /** Heat compares a boolean parameter "true" with the literal true, and "" with an empty list. */
    private static String normal(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.toString();
        }
        return value == null ? "" : value.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
