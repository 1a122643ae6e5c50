package dev.magnetar.sim.hot;

import java.util.List;
import java.util.Map;

/**
 * The interpreter in check mode: walks a value as {@link Evaluator} would, but instead of
 * computing it, asks each function to check its arguments against what the template declares.
 */
final class Checker {

    private final HotTemplate template;
    private final Map<String, String> files;
    private final String prefix;
    private final List<String> problems;

    Checker(HotTemplate template, Map<String, String> files, String prefix, List<String> problems) {
        this.template = template;
        this.files = files;
        this.prefix = prefix;
        this.problems = problems;
    }

    void walk(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = only.getKey().toString();
                HotFunction function = Functions.supported(key);
                if (function != null) {
                    function.check(only.getValue(), this, where);
                    return;
                }
                if (Functions.unsupported(key)) {
                    problem(where, "function '" + key + "' is not supported; supported functions are "
                            + String.join(", ", Functions.names()));
                    return;
                }
            }
            map.values().forEach(value -> walk(value, where));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, where));
        }
    }

    void problem(String where, String message) {
        problems.add(prefix + where + ": " + message);
    }

    /** A name for a place in this template, e.g. {@code template: resources.inner.template}. */
    String location(String where) {
        return prefix + where;
    }

    boolean hasParameter(String name) {
        return template.parameters().containsKey(name) || Functions.PSEUDO_PARAMETERS.contains(name);
    }

    boolean hasResource(String name) {
        return template.resources().containsKey(name);
    }

    boolean hasCondition(String name) {
        return template.conditions().containsKey(name);
    }

    boolean hasFile(String name) {
        return files.containsKey(name);
    }
}
