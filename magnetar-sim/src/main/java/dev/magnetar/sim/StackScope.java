package dev.magnetar.sim;

import dev.magnetar.sim.hot.Evaluator;
import dev.magnetar.sim.hot.HotException;
import dev.magnetar.sim.hot.HotTemplate;
import dev.magnetar.sim.hot.ResourceTypes;
import dev.magnetar.sim.hot.Scope;
import dev.magnetar.sim.hot.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What functions see inside one (possibly nested) stack while it is planned. */
final class StackScope implements Scope {
    private final HotTemplate template;
    private final Map<String, Object> parameters;
    private final Map<String, PlannedResource> planned;
    private final Map<String, String> files;
    private final String stackName;
    private final String stackId;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private Evaluator evaluator;

    StackScope(HotTemplate template, Map<String, Object> parameters, Map<String, PlannedResource> planned,
               Map<String, String> files, String stackName, String stackId) {
        this.template = template;
        this.parameters = parameters;
        this.planned = planned;
        this.files = files;
        this.stackName = stackName;
        this.stackId = stackId;
    }

    void bind(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Object parameter(String name) {
        switch (name) {
            case "OS::stack_name":
                return stackName;
            case "OS::stack_id":
                return stackId;
            case "OS::project_id":
                return "simulated";
            default:
                if (!parameters.containsKey(name)) {
                    throw new HotException("get_param: the parameter '" + name + "' is not declared");
                }
                return parameters.get(name);
        }
    }

    @Override
    public Object resourceId(String resource) {
        declared(resource);
        PlannedResource node = planned.get(resource);
        return node == null ? null : node.physicalId;
    }

    @Override
    public Object attribute(String resource, List<Object> arguments) {
        declared(resource);
        PlannedResource node = planned.get(resource);
        if (node == null || arguments.isEmpty()) {
            return null;
        }
        if (ResourceTypes.RESOURCE_GROUP.equals(node.builtin)) {
            return groupAttribute(node, arguments);
        }
        return Values.dig(node.attributes.get(Values.string(arguments.get(0))), arguments.subList(1, arguments.size()));
    }

    private Object groupAttribute(PlannedResource group, List<Object> arguments) {
        String name = Values.string(arguments.get(0));
        List<Object> rest = arguments.subList(1, arguments.size());
        switch (name) {
            case "refs":
                return Values.dig(group.children.stream().map(c -> (Object) c.physicalId).toList(), rest);
            case "refs_map": {
                Map<String, Object> refs = new LinkedHashMap<>();
                group.children.forEach(c -> refs.put(member(c), c.physicalId));
                return Values.dig(refs, rest);
            }
            case "removed_rsrc_list":
                return group.removed;
            case "attributes": {
                Map<String, Object> byMember = new LinkedHashMap<>();
                group.children.forEach(c -> byMember.put(member(c), memberAttribute(c, rest)));
                return byMember;
            }
            default:
                break;
        }
        if (name.startsWith("resource.")) {
            String[] parts = name.split("\\.", 3);
            PlannedResource chosen = group.children.stream().filter(c -> member(c).equals(parts[1])).findFirst().orElse(null);
            if (chosen == null) {
                throw new HotException("get_attr: ResourceGroup " + group.path + " has no member " + parts[1]);
            }
            List<Object> path = new ArrayList<>();
            if (parts.length == 3) {
                path.add(parts[2]);
            }
            path.addAll(rest);
            return memberAttribute(chosen, path);
        }
        return group.children.stream().map(c -> memberAttribute(c, arguments)).toList();
    }

    private static Object memberAttribute(PlannedResource member, List<Object> arguments) {
        if (arguments.isEmpty()) {
            return null;
        }
        return Values.dig(member.attributes.get(Values.string(arguments.get(0))), arguments.subList(1, arguments.size()));
    }

    private static String member(PlannedResource child) {
        return child.path.substring(child.path.lastIndexOf('/') + 1);
    }

    @Override
    public String file(String name) {
        String content = files.get(name);
        if (content == null) {
            throw new HotException("get_file: '" + name + "' is not in the files map");
        }
        return content;
    }

    @Override
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        if (!template.conditions().containsKey(name)) {
            throw new HotException("Condition '" + name + "' is not declared in conditions");
        }
        if (!evaluating.add(name)) {
            throw new HotException("Condition '" + name + "' refers to itself");
        }
        boolean value = evaluator.condition(template.conditions().get(name));
        evaluating.remove(name);
        conditions.put(name, value);
        return value;
    }

    private void declared(String resource) {
        if (!template.resources().containsKey(resource)) {
            throw new HotException("The resource '" + resource + "' is not declared in the template");
        }
    }
}
