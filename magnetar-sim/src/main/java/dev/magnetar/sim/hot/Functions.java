package dev.magnetar.sim.hot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The intrinsic functions of the supported HOT subset, as a table from name to function. Heat
 * functions outside the subset are named too, so the linter can say "not supported" rather than
 * let them pass as data.
 */
final class Functions {

    static final Set<String> PSEUDO_PARAMETERS = Set.of("OS::stack_name", "OS::stack_id", "OS::project_id");

    private static final Set<String> UNSUPPORTED = Set.of("yaql", "digest", "resource_facade", "map_replace",
            "list_concat_unique", "filter", "make_url", "str_replace_vstrict", "get_input", "Ref");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, HotFunction> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("get_param", new GetParam());
        TABLE.put("get_resource", new GetResource());
        TABLE.put("get_attr", new GetAttr());
        TABLE.put("get_file", new GetFile());
        TABLE.put("str_replace", new StrReplace(false));
        TABLE.put("str_replace_strict", new StrReplace(true));
        TABLE.put("list_join", (args, ev) -> listJoin(ev.resolve(args)));
        TABLE.put("str_split", (args, ev) -> strSplit(ev.resolve(args)));
        TABLE.put("repeat", new Repeat());
        TABLE.put("if", new If());
        TABLE.put("map_merge", (args, ev) -> {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object map : Values.list(ev.resolve(args))) {
                if (map instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> merged.put(k.toString(), v));
                }
            }
            return merged;
        });
        TABLE.put("list_concat", (args, ev) -> {
            List<Object> joined = new ArrayList<>();
            Values.list(ev.resolve(args)).forEach(list -> joined.addAll(Values.list(list)));
            return joined;
        });
    }

    private Functions() {
    }

    /** The function of that name, or null when the key is data (or a function we do not support). */
    static HotFunction supported(String name) {
        return TABLE.get(name);
    }

    /** Names that are Heat functions (or look like them) but are outside the supported subset. */
    static boolean unsupported(String name) {
        return UNSUPPORTED.contains(name) || name.startsWith("Fn::")
                || (name.startsWith("get_") && !TABLE.containsKey(name));
    }

    static Set<String> names() {
        return TABLE.keySet();
    }

    static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Values.string(value);
    }

    private static final class GetParam implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            List<Object> args = Values.list(evaluator.resolve(arguments));
            Object value = evaluator.scope().parameter(Values.string(args.get(0)));
            return Values.dig(value, args.subList(1, args.size()));
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            List<Object> args = Values.list(arguments);
            if (args.isEmpty() || !(args.get(0) instanceof String name)) {
                checker.problem(where, "get_param takes a parameter name, optionally followed by a path");
                return;
            }
            if (!checker.hasParameter(name)) {
                checker.problem(where, "get_param refers to undeclared parameter '" + name + "'");
            }
            checker.walk(args.subList(1, args.size()), where);
        }
    }

    private static final class GetResource implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            return evaluator.scope().resourceId(Values.string(evaluator.resolve(arguments)));
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            if (!(arguments instanceof String name)) {
                checker.problem(where, "get_resource takes a resource name");
            } else if (!checker.hasResource(name)) {
                checker.problem(where, "get_resource refers to undeclared resource '" + name + "'");
            }
        }
    }

    private static final class GetAttr implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            List<Object> args = Values.list(evaluator.resolve(arguments));
            return evaluator.scope().attribute(Values.string(args.get(0)), args.subList(1, args.size()));
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            List<Object> args = Values.list(arguments);
            if (args.size() < 2 || !(args.get(0) instanceof String name)) {
                checker.problem(where, "get_attr takes a resource name and an attribute name, optionally followed by a path");
                return;
            }
            if (!checker.hasResource(name)) {
                checker.problem(where, "get_attr refers to undeclared resource '" + name + "'");
            }
            checker.walk(args.subList(1, args.size()), where);
        }
    }

    private static final class GetFile implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            return evaluator.scope().file(Values.string(evaluator.resolve(arguments)));
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            if (!(arguments instanceof String name)) {
                checker.problem(where, "get_file takes a file name");
            } else if (!checker.hasFile(name)) {
                checker.problem(where, "get_file refers to '" + name + "', which is not in the files map");
            }
        }
    }

    private record StrReplace(boolean strict) implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            Map<?, ?> args = (Map<?, ?>) evaluator.resolve(arguments);
            String template = text(args.get("template"));
            Map<String, String> params = new LinkedHashMap<>();
            if (args.get("params") instanceof Map<?, ?> map) {
                map.forEach((k, v) -> params.put(k.toString(), text(v)));
            }
            if (params.isEmpty()) {
                return template;
            }
            if (strict) {
                params.keySet().stream().filter(k -> !template.contains(k)).findFirst().ifPresent(k -> {
                    throw new HotException("str_replace_strict: the param '" + k + "' is not in the template");
                });
            }
            // One pass, longest key first, so a replacement is never replaced again.
            String alternation = params.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"));
            Matcher matcher = Pattern.compile(alternation).matcher(template);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(params.get(matcher.group())));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            if (!(arguments instanceof Map<?, ?> map) || !map.containsKey("template")) {
                checker.problem(where, (strict ? "str_replace_strict" : "str_replace") + " takes a map with 'template' and 'params'");
                return;
            }
            checker.walk(arguments, where);
        }
    }

    private static Object listJoin(Object resolved) {
        List<Object> args = Values.list(resolved);
        String delimiter = args.isEmpty() ? "" : Values.string(args.get(0));
        List<String> items = new ArrayList<>();
        for (Object list : args.subList(Math.min(1, args.size()), args.size())) {
            Values.list(list).forEach(item -> items.add(text(item)));
        }
        return String.join(delimiter, items);
    }

    private static Object strSplit(Object resolved) {
        List<Object> args = Values.list(resolved);
        String delimiter = Values.string(args.get(0));
        List<Object> parts = new ArrayList<>(List.of(Values.string(args.get(1)).split(Pattern.quote(delimiter), -1)));
        if (args.size() > 2) {
            int index = ((Number) ParameterType.NUMBER.coerce(args.get(2))).intValue();
            if (index < 0 || index >= parts.size()) {
                throw new HotException("str_split: index " + index + " is out of range for " + parts.size() + " parts");
            }
            return parts.get(index);
        }
        return parts;
    }

    private static final class Repeat implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            Map<?, ?> args = (Map<?, ?>) arguments;
            Map<String, List<Object>> forEach = new LinkedHashMap<>();
            ((Map<?, ?>) evaluator.resolve(args.get("for_each")))
                    .forEach((k, v) -> forEach.put(k.toString(), Values.list(v)));
            boolean permutations = !Boolean.FALSE.equals(args.get("permutations"));
            List<Map<String, Object>> bindings = permutations ? product(forEach) : zip(forEach);
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> binding : bindings) {
                out.add(evaluator.resolve(substitute(args.get("template"), binding)));
            }
            return out;
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            if (!(arguments instanceof Map<?, ?> map) || !(map.get("for_each") instanceof Map<?, ?>)
                    || !map.containsKey("template")) {
                checker.problem(where, "repeat takes a map with 'for_each' (a map of lists) and 'template'");
                return;
            }
            checker.walk(arguments, where);
        }

        private static List<Map<String, Object>> product(Map<String, List<Object>> forEach) {
            List<Map<String, Object>> out = new ArrayList<>();
            out.add(new LinkedHashMap<>());
            for (Map.Entry<String, List<Object>> variable : forEach.entrySet()) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> partial : out) {
                    for (Object value : variable.getValue()) {
                        Map<String, Object> binding = new LinkedHashMap<>(partial);
                        binding.put(variable.getKey(), value);
                        next.add(binding);
                    }
                }
                out = next;
            }
            return out;
        }

        private static List<Map<String, Object>> zip(Map<String, List<Object>> forEach) {
            int size = forEach.values().stream().mapToInt(List::size).min().orElse(0);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Map<String, Object> binding = new LinkedHashMap<>();
                for (Map.Entry<String, List<Object>> variable : forEach.entrySet()) {
                    binding.put(variable.getKey(), variable.getValue().get(i));
                }
                out.add(binding);
            }
            return out;
        }

        private static Object substitute(Object node, Map<String, Object> binding) {
            if (node instanceof String s) {
                for (Map.Entry<String, Object> entry : binding.entrySet()) {
                    if (s.equals(entry.getKey())) {
                        return entry.getValue();
                    }
                }
                String out = s;
                for (Map.Entry<String, Object> entry : binding.entrySet()) {
                    out = out.replace(entry.getKey(), text(entry.getValue()));
                }
                return out;
            }
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(Values.string(substitute(k.toString(), binding)), substitute(v, binding)));
                return out;
            }
            if (node instanceof List<?> list) {
                return list.stream().map(item -> substitute(item, binding)).toList();
            }
            return node;
        }
    }

    private static final class If implements HotFunction {
        @Override
        public Object evaluate(Object arguments, Evaluator evaluator) {
            List<Object> args = Values.list(arguments);
            return evaluator.resolve(evaluator.condition(args.get(0)) ? args.get(1) : args.get(2));
        }

        @Override
        public void check(Object arguments, Checker checker, String where) {
            if (!(arguments instanceof List<?> args) || args.size() != 3) {
                checker.problem(where, "if takes a list of a condition and two values");
                return;
            }
            Conditions.check(args.get(0), checker, where);
            checker.walk(args.get(1), where);
            checker.walk(args.get(2), where);
        }
    }
}
