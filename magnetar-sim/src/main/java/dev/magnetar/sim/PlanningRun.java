package dev.magnetar.sim;

import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.sim.hot.Dependencies;
import dev.magnetar.sim.hot.Evaluator;
import dev.magnetar.sim.hot.HotEnvironment;
import dev.magnetar.sim.hot.HotException;
import dev.magnetar.sim.hot.HotTemplate;
import dev.magnetar.sim.hot.ParameterType;
import dev.magnetar.sim.hot.ResourceTypes;
import dev.magnetar.sim.hot.Values;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One planning pass over a stack's templates: evaluates them, and lays out each resource's create,
 * update or delete in dependency order with its type's duration and the faults in force.
 */
final class PlanningRun {
    private final ResourceTiming timing;
    private final String action;
    private final String stackName;
    private final String stackId;
    private final StackSpec spec;
    private final HotEnvironment environment;
    private final Instant start;
    private final int serial;
    private final Map<String, ResourceState> previous = new HashMap<>();
    private final AddressBook.Allocator addresses;
    private final StackParameters parameters;
    private final List<PlannedResource> nodes = new ArrayList<>();
    private final Map<Object, Map<String, Object>> attributesById = new HashMap<>();

    PlanningRun(ResourceTiming timing, String action, String stackName, String stackId,
                StackSpec spec, Instant start, int serial, StackState.Snapshot before) {
        this.timing = timing;
        this.action = action;
        this.stackName = stackName;
        this.stackId = stackId;
        this.spec = spec;
        this.environment = spec == null ? HotEnvironment.EMPTY : HotEnvironment.parse(spec.environment());
        this.start = start;
        this.serial = serial;
        before.resources().forEach(r -> previous.put(r.path(), r));
        this.addresses = new AddressBook.Allocator(before.addresses());
        this.parameters = new StackParameters(environment);
    }

    Map<String, Object> topLevelParameters(HotTemplate template, Map<String, Object> given) {
        return parameters.topLevel(template, given);
    }

    /** What one (possibly nested) template plans: its resources by name, and its outputs. */
    record Result(Map<String, PlannedResource> resources, Map<String, Object> outputs) {
    }

    Result template(HotTemplate template, Map<String, Object> values, String prefix, Instant begin,
                    String ownId) {
        Map<String, PlannedResource> planned = new LinkedHashMap<>();
        StackScope scope = new StackScope(template, values, planned, spec.files(), stackName, ownId);
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
                PlannedResource needed = planned.get(dependency);
                if (needed != null) {
                    ready = ready == null || needed.readyAt == null ? null : PlanValues.later(ready, needed.readyAt);
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
            Object updatePolicy = definition.updatePolicy() == null ? null : evaluator.resolve(definition.updatePolicy());
            planned.put(name, resource(prefix + name, definition.type(), properties, ready, updatePolicy));
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

    private PlannedResource resource(String path, String declaredType, Map<String, Object> properties, Instant ready) {
        return resource(path, declaredType, properties, ready, null);
    }

    private PlannedResource resource(String path, String declaredType, Map<String, Object> properties, Instant ready,
                                     Object updatePolicy) {
        ResourceTypes.Resolved resolved = ResourceTypes.resolve(declaredType, spec.files(), environment);
        ResourceState before = previous.get(path);
        if (before != null && !before.type().equals(declaredType)) {
            before = null; // a changed type replaces the resource
        }
        PlannedResource node = new PlannedResource(path, declaredType);
        nodes.add(node);
        node.physicalId = before != null ? before.physicalId()
                : UUID.nameUUIDFromBytes((stackName + "|" + path + "|" + serial).getBytes(StandardCharsets.UTF_8)).toString();
        node.digest = PlanValues.digest(properties);
        node.statusBefore = before == null ? StackStatus.of(StackAction.INIT, StackPhase.COMPLETE) : before.statusAt(start);
        node.action = before == null || before.startAt() == null
                || (before.failed() && before.action().equals("CREATE")) ? "CREATE" : "UPDATE";
        switch (resolved) {
            case ResourceTypes.Nested nested -> {
                HotTemplate template = HotTemplate.parse(spec.files().get(nested.file()), nested.file());
                nestedStack(node, template, properties, nested.file(), ready, before);
            }
            case ResourceTypes.Builtin builtin when builtin.type().equals(ResourceTypes.RESOURCE_GROUP) -> {
                node.builtin = builtin.type();
                group(node, properties, ready, before, RollingUpdate.of(updatePolicy, node.path));
            }
            case ResourceTypes.Builtin builtin when builtin.type().equals(ResourceTypes.STACK) -> {
                node.builtin = builtin.type();
                Object text = properties.get("template");
                HotTemplate template = text instanceof Map<?, ?> m ? HotTemplate.of(PlanValues.stringKeys(m), path)
                        : HotTemplate.parse(Values.string(text), path);
                Object parameters = properties.get("parameters");
                nestedStack(node, template, parameters instanceof Map<?, ?> m ? PlanValues.stringKeys(m) : Map.of(), path,
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

    private void nestedStack(PlannedResource node, HotTemplate template, Map<String, Object> properties, String what,
                             Instant ready, ResourceState before) {
        for (String property : properties.keySet()) {
            if (!template.parameters().containsKey(property)) {
                throw new HotException("Property '" + property + "' of resource " + node.path
                        + " is not a parameter of " + what);
            }
        }
        Result result = template(template, parameters.of(template, properties, what), node.path + "/", ready,
                node.physicalId);
        node.children.addAll(result.resources().values());
        node.attributes = new LinkedHashMap<>(result.outputs());
        node.attributes.put("OS::stack_id", node.physicalId);
        composite(node, ready, before);
    }

    /**
     * A group's members. On an update with a {@code rolling_update} policy, as Heat's ResourceGroup does, the
     * members that change go in batches of {@code max_batch_size}, each batch starting once the one before
     * ended (and {@code pause_time} passed); a batch with a failed member ends the update there, the
     * members after it left as they were, for a later update to take up.
     */
    private void group(PlannedResource node, Map<String, Object> properties, Instant ready, ResourceState before,
                       RollingUpdate rolling) {
        int count = ((Number) ParameterType.NUMBER.coerce(
                properties.getOrDefault("count", 1))).intValue();
        if (!(properties.get("resource_def") instanceof Map<?, ?> definition) || definition.get("type") == null) {
            throw new HotException("ResourceGroup " + node.path + " needs a resource_def with a type");
        }
        String indexVariable = Values.string(properties.getOrDefault("index_var", "%index%"));
        GroupMembers resized = GroupMembers.resize(count, properties, node.path, before, previous);
        boolean batched = before != null && rolling != null;
        Instant batchReady = ready;
        List<PlannedResource> batch = new ArrayList<>();
        boolean stopped = false;
        for (String member : resized.members()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> memberProperties = (Map<String, Object>) PlanValues.substitute(
                    definition.get("properties") == null ? Map.of() : definition.get("properties"), indexVariable, member);
            PlannedResource child = resource(node.path + "/" + member, Values.string(definition.get("type")),
                    memberProperties, stopped ? null : batchReady);
            node.children.add(child);
            if (stopped) {
                holdBack(child);
            } else if (batched && batchReady != null && child.acts() && previous.containsKey(child.path)) {
                batch.add(child);
                if (batch.size() == rolling.maxBatchSize()) {
                    Instant end = PlannedResource.lastEnd(batch, batchReady);
                    stopped = end == null || batch.stream().anyMatch(c -> c.failed);
                    batchReady = stopped ? null : end.plus(rolling.pause());
                    batch.clear();
                }
            }
        }
        node.members = resized.members();
        node.removed = resized.removed();
        composite(node, ready, before);
    }

    /**
     * A member the rolling update did not reach: it stays as the previous action left it, digest included,
     * so the next update still finds it changed.
     */
    private void holdBack(PlannedResource node) {
        ResourceState before = previous.get(node.path);
        if (node.start == null && before != null && PlannedResource.settledFine(before)) {
            node.keep(before, null);
            node.digest = before.digest();
            node.members = before.members();
            node.removed = before.removed();
        }
        node.children.forEach(this::holdBack);
    }

    private void leaf(PlannedResource node, String type, Map<String, Object> properties, Instant ready, ResourceState before) {
        node.attributes = ResourceAttributes.of(type, new ResourceAttributes.Context(stackName, stackId, node.path,
                node.physicalId, properties, addresses, id -> id == null ? null : attributesById.get(id)));
        if (before != null && PlannedResource.settledFine(before) && before.digest().equals(node.digest)) {
            node.keep(before, ready);
            return;
        }
        if (ready == null) {
            return;
        }
        timing.schedule(node, type, properties, ready);
    }

    private void composite(PlannedResource node, Instant ready, ResourceState before) {
        boolean sameChildren = before != null && previousChildren(node.path).equals(
                node.children.stream().map(c -> c.path).sorted().toList());
        if (before != null && PlannedResource.settledFine(before) && sameChildren && before.digest().equals(node.digest)
                && node.children.stream().allMatch(c -> c.unchanged)) {
            node.keep(before, ready);
            return;
        }
        if (ready == null) {
            return;
        }
        node.start = ready;
        node.settleFromChildren();
    }

    private List<String> previousChildren(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count() + 1;
        return previous.values().stream().filter(r -> r.path().startsWith(path + "/") && r.depth() == depth)
                .map(ResourceState::path).sorted().toList();
    }

    /** Resources of the previous version that this plan no longer has: deleted now. */
    void deletions() {
        Set<String> kept = new HashSet<>();
        nodes.forEach(n -> kept.add(n.path));
        previous.values().stream().filter(r -> !kept.contains(r.path()))
                .filter(r -> r.startAt() != null)
                .sorted(Comparator.comparing(ResourceState::path)).forEach(this::deletion);
    }

    void deletion(ResourceState resource) {
        PlannedResource node = new PlannedResource(resource.path(), resource.type());
        nodes.add(node);
        node.physicalId = resource.physicalId();
        node.action = "DELETE";
        node.statusBefore = resource.statusAt(start);
        node.attributes = resource.attributes();
        node.digest = resource.digest();
        node.members = resource.members();
        node.removed = resource.removed();
        timing.scheduleDelete(node, builtinOf(resource.type()), start);
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

    /** How the action ends, given the resources planned so far. */
    StackState.Operation finish(int timeoutMinutes, boolean disableRollback) {
        return new ActionEnding(action, start, nodes, timing).finish(timeoutMinutes, disableRollback);
    }

    /** The addresses handed out so far, to keep for the next action. */
    AddressBook addresses() {
        return addresses.book();
    }

    List<ResourceState> states() {
        return nodes.stream().map(PlannedResource::state).toList();
    }
}
