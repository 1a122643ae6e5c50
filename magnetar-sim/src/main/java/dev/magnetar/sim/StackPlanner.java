package dev.magnetar.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.sim.hot.Dependencies;
import dev.magnetar.sim.hot.Evaluator;
import dev.magnetar.sim.hot.HotEnvironment;
import dev.magnetar.sim.hot.HotException;
import dev.magnetar.sim.hot.HotTemplate;
import dev.magnetar.sim.hot.ParameterDefinition;
import dev.magnetar.sim.hot.ResourceTypes;
import dev.magnetar.sim.hot.Scope;
import dev.magnetar.sim.hot.Values;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a stack action into a timeline: evaluates the templates, creates (or updates, or deletes)
 * every resource in dependency order with its type's duration, applies the faults in force, and
 * cuts the timeline where the first failure or the stack timeout strikes. The result is data; the
 * status at any later instant is read off it.
 */
final class StackPlanner {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    private final DurationProfile profile;
    private final Faults faults;

    StackPlanner(DurationProfile profile, Faults faults) {
        this.profile = profile;
        this.faults = faults;
    }

    record Plan(StackState.Operation operation, StackState.Snapshot snapshot) {
    }

    /** Plans a create ({@code previous} empty) or an update of a settled stack. */
    Plan createOrUpdate(String action, String stackName, String stackId, StackSpec spec, Map<String, Object> given,
                        Instant start, int timeoutMinutes, boolean disableRollback, int serial,
                        StackState.Snapshot previous) {
        Run run = new Run(action, stackName, stackId, spec, start, serial, previous);
        HotTemplate template = HotTemplate.parse(spec.template(), "template");
        Map<String, Object> values = run.topLevelParameters(template, given);
        Map<String, Object> outputs = run.template(template, values, "", start, stackId).outputs();
        Map<String, String> shown = new LinkedHashMap<>();
        template.parameters().forEach((name, definition) ->
                shown.put(name, values.get(name) == null ? "" : definition.display(values.get(name))));
        shown.put("OS::stack_id", stackId);
        shown.put("OS::stack_name", stackName);
        run.deletions();
        StackState.Operation operation = run.finish(timeoutMinutes, disableRollback);
        return new Plan(operation, new StackState.Snapshot(run.states(), outputs, shown, given, run.addresses.book()));
    }

    /** Plans deleting every resource that exists now. */
    Plan delete(StackState.Snapshot current, Instant start, int timeoutMinutes, int serial) {
        Run run = new Run("DELETE", null, null, null, start, serial, current);
        for (ResourceState resource : current.resources()) {
            if (resource.startAt() != null && !start.isBefore(resource.startAt())) {
                run.deletion(resource);
            }
        }
        StackState.Operation operation = run.finish(timeoutMinutes, true);
        return new Plan(operation, new StackState.Snapshot(run.states(), Map.of(), current.shown(), current.given(),
                current.addresses()));
    }

    /** A resource being planned; composites (nested stacks, groups) hold their children. */
    private static final class Node {
        final String path;
        final String type;
        String builtin;
        String physicalId;
        String action;
        Instant start;
        Instant end;
        Instant readyAt;
        boolean failed;
        String reason;
        String statusBefore;
        boolean unchanged;
        Map<String, Object> attributes = new LinkedHashMap<>();
        String digest;
        List<String> members = List.of();
        List<String> removed = List.of();
        final List<Node> children = new ArrayList<>();

        Node(String path, String type) {
            this.path = path;
            this.type = type;
        }

        ResourceState state() {
            return new ResourceState(path, type, physicalId, action, start, end, failed, reason, statusBefore,
                    attributes, digest, members, removed);
        }
    }

    private record Result(Map<String, Node> resources, Map<String, Object> outputs) {
    }

    /** One planning pass. */
    private final class Run {
        private final String action;
        private final String stackName;
        private final String stackId;
        private final StackSpec spec;
        private final HotEnvironment environment;
        private final Instant start;
        private final int serial;
        private final Map<String, ResourceState> previous = new HashMap<>();
        private final AddressBook.Allocator addresses;
        private final List<Node> nodes = new ArrayList<>();
        private final Map<Object, Map<String, Object>> attributesById = new HashMap<>();

        Run(String action, String stackName, String stackId, StackSpec spec, Instant start, int serial,
            StackState.Snapshot before) {
            this.action = action;
            this.stackName = stackName;
            this.stackId = stackId;
            this.spec = spec;
            this.environment = spec == null ? HotEnvironment.EMPTY : HotEnvironment.parse(spec.environment());
            this.start = start;
            this.serial = serial;
            before.resources().forEach(r -> previous.put(r.path(), r));
            this.addresses = new AddressBook.Allocator(before.addresses());
        }

        Map<String, Object> topLevelParameters(HotTemplate template, Map<String, Object> given) {
            Map<String, Object> supplied = new LinkedHashMap<>(environment.parameters());
            supplied.putAll(given);
            for (String name : supplied.keySet()) {
                if (!template.parameters().containsKey(name)) {
                    throw new HotException("The Parameter (" + name + ") was not defined in template.");
                }
            }
            return parameters(template, supplied, "template");
        }

        private Map<String, Object> parameters(HotTemplate template, Map<String, Object> supplied, String what) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ParameterDefinition definition : template.parameters().values()) {
                String name = definition.name();
                Object raw;
                if (supplied.get(name) != null) {
                    raw = supplied.get(name);
                } else if (environment.parameterDefaults().get(name) != null) {
                    raw = environment.parameterDefaults().get(name);
                } else if (definition.hasDefault()) {
                    raw = definition.defaultValue();
                } else {
                    throw new HotException("The Parameter (" + name + ") was not provided"
                            + (what.equals("template") ? "." : " to " + what + "."));
                }
                values.put(name, raw == null ? null : definition.validate(raw));
            }
            return values;
        }

        Result template(HotTemplate template, Map<String, Object> parameters, String prefix, Instant begin,
                        String ownId) {
            Map<String, Node> planned = new LinkedHashMap<>();
            StackScope scope = new StackScope(template, parameters, planned, spec.files(), stackName, ownId);
            Evaluator evaluator = new Evaluator(scope);
            scope.bind(evaluator);
            Map<String, Set<String>> graph = Dependencies.of(template);
            for (String name : Dependencies.order(graph)) {
                HotTemplate.ResourceDefinition definition = template.resources().get(name);
                if (definition.condition() != null && !evaluator.condition(definition.condition())) {
                    continue;
                }
                Instant ready = begin;
                for (String dependency : graph.get(name)) {
                    Node needed = planned.get(dependency);
                    if (needed != null) {
                        ready = ready == null || needed.readyAt == null ? null : later(ready, needed.readyAt);
                    }
                }
                Map<String, Object> raw = new LinkedHashMap<>(definition.properties());
                // An OS::Heat::Stack's inline template is evaluated in its own scope, not in this one.
                Object inline = isInlineStack(definition.type()) ? raw.remove("template") : null;
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) evaluator.resolve(raw);
                if (inline != null) {
                    properties.put("template", inline);
                }
                planned.put(name, resource(prefix + name, definition.type(), properties, ready));
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            template.outputs().forEach((name, output) -> {
                Object value = null;
                try {
                    if (output.condition() == null || evaluator.condition(output.condition())) {
                        value = evaluator.resolve(output.value());
                    }
                } catch (RuntimeException e) {
                    value = null; // Heat reports an output it cannot resolve as null
                }
                outputs.put(name, value);
            });
            return new Result(planned, outputs);
        }

        private boolean isInlineStack(String declaredType) {
            return ResourceTypes.resolve(declaredType, spec.files(), environment) instanceof ResourceTypes.Builtin b
                    && b.type().equals(ResourceTypes.STACK);
        }

        private Node resource(String path, String declaredType, Map<String, Object> properties, Instant ready) {
            ResourceTypes.Resolved resolved = ResourceTypes.resolve(declaredType, spec.files(), environment);
            ResourceState before = previous.get(path);
            if (before != null && !before.type().equals(declaredType)) {
                before = null; // a changed type replaces the resource
            }
            Node node = new Node(path, declaredType);
            nodes.add(node);
            node.physicalId = before != null ? before.physicalId()
                    : UUID.nameUUIDFromBytes((stackName + "|" + path + "|" + serial).getBytes(StandardCharsets.UTF_8)).toString();
            node.digest = digest(properties);
            node.statusBefore = before == null ? "INIT_COMPLETE" : before.statusAt(start);
            node.action = before == null || before.startAt() == null
                    || (before.failed() && before.action().equals("CREATE")) ? "CREATE" : "UPDATE";
            switch (resolved) {
                case ResourceTypes.Nested nested -> {
                    HotTemplate template = HotTemplate.parse(spec.files().get(nested.file()), nested.file());
                    nestedStack(node, template, properties, nested.file(), ready, before);
                }
                case ResourceTypes.Builtin builtin when builtin.type().equals(ResourceTypes.RESOURCE_GROUP) -> {
                    node.builtin = builtin.type();
                    group(node, properties, ready, before);
                }
                case ResourceTypes.Builtin builtin when builtin.type().equals(ResourceTypes.STACK) -> {
                    node.builtin = builtin.type();
                    Object text = properties.get("template");
                    HotTemplate template = text instanceof Map<?, ?> m ? HotTemplate.of(stringKeys(m), path)
                            : HotTemplate.parse(Values.string(text), path);
                    Object parameters = properties.get("parameters");
                    nestedStack(node, template, parameters instanceof Map<?, ?> m ? stringKeys(m) : Map.of(), path,
                            ready, before);
                    Map<String, Object> outputs = new LinkedHashMap<>(node.attributes);
                    outputs.remove("OS::stack_id");
                    node.attributes = new LinkedHashMap<>(Map.of("outputs", outputs, "stack_name", stackName + "-" + path));
                }
                case ResourceTypes.Builtin builtin -> {
                    node.builtin = builtin.type();
                    leaf(node, builtin.type(), properties, ready, before);
                }
            }
            attributesById.put(node.physicalId, node.attributes);
            return node;
        }

        private void nestedStack(Node node, HotTemplate template, Map<String, Object> properties, String what,
                                 Instant ready, ResourceState before) {
            for (String property : properties.keySet()) {
                if (!template.parameters().containsKey(property)) {
                    throw new HotException("Property '" + property + "' of resource " + node.path
                            + " is not a parameter of " + what);
                }
            }
            Result result = template(template, parameters(template, properties, what), node.path + "/", ready,
                    node.physicalId);
            node.children.addAll(result.resources().values());
            node.attributes = new LinkedHashMap<>(result.outputs());
            node.attributes.put("OS::stack_id", node.physicalId);
            composite(node, ready, before);
        }

        private void group(Node node, Map<String, Object> properties, Instant ready, ResourceState before) {
            int count = ((Number) dev.magnetar.sim.hot.ParameterType.NUMBER.coerce(
                    properties.getOrDefault("count", 1))).intValue();
            if (!(properties.get("resource_def") instanceof Map<?, ?> definition) || definition.get("type") == null) {
                throw new HotException("ResourceGroup " + node.path + " needs a resource_def with a type");
            }
            String indexVariable = Values.string(properties.getOrDefault("index_var", "%index%"));
            List<String> members = new ArrayList<>(before == null ? List.of() : before.members());
            List<String> removed = new ArrayList<>(before == null ? List.of() : before.removed());
            if (count < members.size()) {
                for (String candidate : removalCandidates(properties, node.path, members)) {
                    if (members.size() > count) {
                        members.remove(candidate);
                        removed.add(candidate);
                    }
                }
                members.sort(Comparator.comparingInt(Integer::parseInt));
                while (members.size() > count) {
                    members.remove(members.size() - 1);
                }
            }
            for (int index = 0; members.size() < count; index++) {
                String name = Integer.toString(index);
                if (!members.contains(name) && !removed.contains(name)) {
                    members.add(name);
                }
            }
            members.sort(Comparator.comparingInt(Integer::parseInt));
            for (String member : members) {
                @SuppressWarnings("unchecked")
                Map<String, Object> memberProperties = (Map<String, Object>) substitute(
                        definition.get("properties") == null ? Map.of() : definition.get("properties"), indexVariable, member);
                node.children.add(resource(node.path + "/" + member, Values.string(definition.get("type")),
                        memberProperties, ready));
            }
            node.members = List.copyOf(members);
            node.removed = List.copyOf(removed);
            composite(node, ready, before);
        }

        /** The members removal_policies name (by name or by physical id), in the order given. */
        private List<String> removalCandidates(Map<String, Object> properties, String path, List<String> members) {
            List<String> candidates = new ArrayList<>();
            for (Object policy : Values.list(properties.get("removal_policies"))) {
                if (policy instanceof Map<?, ?> map) {
                    for (Object entry : Values.list(map.get("resource_list"))) {
                        String wanted = Values.string(entry);
                        for (String member : members) {
                            ResourceState state = previous.get(path + "/" + member);
                            if (member.equals(wanted) || (state != null && wanted.equals(state.physicalId()))) {
                                candidates.add(member);
                            }
                        }
                    }
                }
            }
            return candidates;
        }

        private void leaf(Node node, String type, Map<String, Object> properties, Instant ready, ResourceState before) {
            node.attributes = ResourceAttributes.of(type, new ResourceAttributes.Context(stackName, stackId, node.path,
                    node.physicalId, properties, addresses, id -> id == null ? null : attributesById.get(id)));
            if (before != null && settledFine(before) && before.digest().equals(node.digest)) {
                keep(node, before, ready);
                return;
            }
            if (ready == null) {
                return;
            }
            node.start = ready;
            node.end = ready.plus(profile.create(type));
            Optional<Faults.ResourceOutcome> fault = faults.resource(node.path, Fault.Action.valueOf(node.action));
            if (fault.isPresent() && fault.get().stalls()) {
                node.end = null;
            } else if (fault.isPresent()) {
                node.failed = true;
                node.reason = fault.get().reason();
            }
            if (type.equals("OS::Heat::WaitCondition") && properties.get("timeout") != null && !node.failed) {
                Instant deadline = ready.plusSeconds(((Number) dev.magnetar.sim.hot.ParameterType.NUMBER
                        .coerce(properties.get("timeout"))).longValue());
                if (node.end == null || node.end.isAfter(deadline)) {
                    node.end = deadline;
                    node.failed = true;
                    node.reason = "WaitConditionTimeout: resources." + node.path.substring(node.path.lastIndexOf('/') + 1)
                            + ": 0 of " + Values.string(properties.getOrDefault("count", 1)) + " received";
                }
            }
            node.readyAt = node.failed ? null : node.end;
        }

        private void composite(Node node, Instant ready, ResourceState before) {
            boolean sameChildren = before != null && previousChildren(node.path).equals(
                    node.children.stream().map(c -> c.path).sorted().toList());
            if (before != null && settledFine(before) && sameChildren && before.digest().equals(node.digest)
                    && node.children.stream().allMatch(c -> c.unchanged)) {
                keep(node, before, ready);
                return;
            }
            if (ready == null) {
                return;
            }
            node.start = ready;
            settleFromChildren(node);
        }

        private void settleFromChildren(Node node) {
            Instant end = node.start;
            boolean endless = false;
            Node failure = null;
            for (Node child : node.children) {
                if (child.unchanged || child.start == null) {
                    continue;
                }
                if (child.end == null) {
                    endless = true;
                } else {
                    end = later(end, child.end);
                }
                if (child.failed && (failure == null || (failure.reason != null && failure.reason.contains(" aborted")))) {
                    failure = child;
                }
            }
            node.end = endless ? null : end;
            node.failed = failure != null;
            node.reason = failure == null ? null : failure.reason;
            node.readyAt = node.failed ? null : node.end;
        }

        private List<String> previousChildren(String path) {
            int depth = (int) path.chars().filter(c -> c == '/').count() + 1;
            return previous.values().stream().filter(r -> r.path().startsWith(path + "/") && r.depth() == depth)
                    .map(ResourceState::path).sorted().toList();
        }

        private void keep(Node node, ResourceState before, Instant ready) {
            node.unchanged = true;
            node.action = before.action();
            node.start = before.startAt();
            node.end = before.endAt();
            node.failed = false;
            node.reason = before.reason();
            node.statusBefore = before.statusBefore();
            node.readyAt = ready;
        }

        private boolean settledFine(ResourceState before) {
            return before.startAt() != null && before.endAt() != null && !before.failed()
                    && !before.action().equals("DELETE");
        }

        /** Resources of the previous version that this plan no longer has: deleted now. */
        void deletions() {
            Set<String> kept = new java.util.HashSet<>();
            nodes.forEach(n -> kept.add(n.path));
            previous.values().stream().filter(r -> !kept.contains(r.path()))
                    .filter(r -> r.startAt() != null)
                    .sorted(Comparator.comparing(ResourceState::path)).forEach(this::deletion);
        }

        void deletion(ResourceState resource) {
            Node node = new Node(resource.path(), resource.type());
            nodes.add(node);
            node.physicalId = resource.physicalId();
            node.action = "DELETE";
            node.statusBefore = resource.statusAt(start);
            node.attributes = resource.attributes();
            node.digest = resource.digest();
            node.members = resource.members();
            node.removed = resource.removed();
            node.start = start;
            node.end = start.plus(profile.delete(builtinOf(resource.type())));
            faults.resource(resource.path(), Fault.Action.DELETE).ifPresent(outcome -> {
                if (outcome.stalls()) {
                    node.end = null;
                } else {
                    node.failed = true;
                    node.reason = outcome.reason();
                }
            });
        }

        private String builtinOf(String declared) {
            try {
                ResourceTypes.Resolved resolved = spec == null ? null
                        : ResourceTypes.resolve(declared, spec.files(), environment);
                return resolved instanceof ResourceTypes.Builtin b ? b.type() : declared;
            } catch (HotException e) {
                return declared;
            }
        }

        /** Cuts the timeline at the first failure or the timeout, and says how the action ends. */
        StackState.Operation finish(int timeoutMinutes, boolean disableRollback) {
            Instant timeoutAt = start.plus(timeoutMinutes > 0 ? Duration.ofMinutes(timeoutMinutes) : DEFAULT_TIMEOUT);
            Instant completion = start;
            boolean endless = false;
            Node firstFailure = null;
            for (Node node : nodes) {
                if (node.unchanged || node.start == null) {
                    continue;
                }
                if (node.end == null) {
                    endless = true;
                } else {
                    completion = later(completion, node.end);
                }
                if (node.failed && node.children.isEmpty() && node.end != null
                        && (firstFailure == null || node.end.isBefore(firstFailure.end))) {
                    firstFailure = node;
                }
            }
            String verb = action.charAt(0) + action.substring(1).toLowerCase(java.util.Locale.ROOT);
            if (firstFailure != null && !firstFailure.end.isAfter(timeoutAt)) {
                cut(firstFailure.end, action + " aborted");
                return failed(firstFailure.end, "Resource " + action + " failed: " + firstFailure.reason, disableRollback);
            }
            if (endless || completion.isAfter(timeoutAt)) {
                cut(timeoutAt, action + " aborted: " + verb + " timed out");
                return failed(timeoutAt, verb + " timed out", disableRollback);
            }
            return new StackState.Operation(action, start, completion, false, null, null);
        }

        private StackState.Operation failed(Instant at, String reason, boolean disableRollback) {
            Instant rollbackEnd = null;
            if (!disableRollback && !action.equals("DELETE")) {
                Duration longest = Duration.ZERO;
                for (Node node : nodes) {
                    if (!node.unchanged && node.start != null && node.builtin != null) {
                        Duration undo = profile.delete(node.builtin);
                        longest = undo.compareTo(longest) > 0 ? undo : longest;
                    }
                }
                rollbackEnd = at.plus(longest);
            }
            return new StackState.Operation(action, start, at, true, reason, rollbackEnd);
        }

        private void cut(Instant at, String abortReason) {
            List<Node> deepestFirst = new ArrayList<>(nodes);
            deepestFirst.sort(Comparator.comparingInt((Node n) -> n.path.split("/").length).reversed());
            for (Node node : deepestFirst) {
                if (node.unchanged || node.start == null) {
                    continue;
                }
                if (!node.children.isEmpty() && node.children.stream().anyMatch(c -> !c.unchanged && c.start != null)) {
                    settleFromChildren(node);
                    continue;
                }
                if (node.end != null && !node.end.isAfter(at)) {
                    continue;
                }
                if (node.start.isBefore(at)) {
                    node.end = at;
                    node.failed = true;
                    node.reason = abortReason;
                } else {
                    node.start = null;
                    node.end = null;
                }
            }
        }

        List<ResourceState> states() {
            return nodes.stream().map(Node::state).toList();
        }
    }

    /** What functions see inside one (possibly nested) stack while it is planned. */
    private static final class StackScope implements Scope {
        private final HotTemplate template;
        private final Map<String, Object> parameters;
        private final Map<String, Node> planned;
        private final Map<String, String> files;
        private final String stackName;
        private final String stackId;
        private final Map<String, Boolean> conditions = new HashMap<>();
        private final Set<String> evaluating = new java.util.HashSet<>();
        private Evaluator evaluator;

        StackScope(HotTemplate template, Map<String, Object> parameters, Map<String, Node> planned,
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
            Node node = planned.get(resource);
            return node == null ? null : node.physicalId;
        }

        @Override
        public Object attribute(String resource, List<Object> arguments) {
            declared(resource);
            Node node = planned.get(resource);
            if (node == null || arguments.isEmpty()) {
                return null;
            }
            if (ResourceTypes.RESOURCE_GROUP.equals(node.builtin)) {
                return groupAttribute(node, arguments);
            }
            return Values.dig(node.attributes.get(Values.string(arguments.get(0))), arguments.subList(1, arguments.size()));
        }

        private Object groupAttribute(Node group, List<Object> arguments) {
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
                Node chosen = group.children.stream().filter(c -> member(c).equals(parts[1])).findFirst().orElse(null);
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

        private static Object memberAttribute(Node member, List<Object> arguments) {
            if (arguments.isEmpty()) {
                return null;
            }
            return Values.dig(member.attributes.get(Values.string(arguments.get(0))), arguments.subList(1, arguments.size()));
        }

        private static String member(Node child) {
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

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Object substitute(Object node, String variable, String index) {
        if (node instanceof String s) {
            return s.replace(variable, index);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), substitute(v, variable, index)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> substitute(item, variable, index)).toList();
        }
        return node;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    private static String digest(Object properties) {
        try {
            return ResourceAttributes.digest(CANONICAL.writeValueAsString(properties));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
