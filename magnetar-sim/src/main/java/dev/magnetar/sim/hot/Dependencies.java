package dev.magnetar.sim.hot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order Heat creates a template's resources in: a resource waits for those it names in
 * {@code get_resource}, {@code get_attr} and {@code depends_on}.
 */
public final class Dependencies {

    private Dependencies() {
    }

    /** The resources each resource depends on (only declared ones), in template order. */
    public static Map<String, Set<String>> of(HotTemplate template) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        template.resources().forEach((name, resource) -> {
            Set<String> needs = new LinkedHashSet<>();
            collect(resource.properties(), needs);
            needs.addAll(resource.dependsOn());
            needs.retainAll(template.resources().keySet());
            needs.remove(name);
            graph.put(name, needs);
        });
        return graph;
    }

    /** The resource names in an order where each comes after everything it depends on. */
    public static List<String> order(Map<String, Set<String>> graph) {
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : graph.keySet()) {
            visit(name, graph, done, new ArrayList<>(), ordered);
        }
        return ordered;
    }

    private static void visit(String name, Map<String, Set<String>> graph, Set<String> done, List<String> path,
                              List<String> ordered) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new HotException("Circular dependency between resources: " + String.join(" -> ", cycle));
        }
        path.add(name);
        for (String dependency : graph.getOrDefault(name, Set.of())) {
            visit(dependency, graph, done, path, ordered);
        }
        path.remove(path.size() - 1);
        done.add(name);
        ordered.add(name);
    }

    private static void collect(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = only.getKey().toString();
                if (key.equals("get_resource") && only.getValue() instanceof String name) {
                    into.add(name);
                } else if (key.equals("get_attr") && only.getValue() instanceof List<?> args && !args.isEmpty()
                        && args.get(0) instanceof String name) {
                    into.add(name);
                }
            }
            map.values().forEach(value -> collect(value, into));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, into));
        }
    }
}
