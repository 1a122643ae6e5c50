package dev.magnetar.sim.hot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates a HOT value: intrinsic functions are applied, everything else is copied as data. */
public final class Evaluator {

    private final Scope scope;

    public Evaluator(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public Object resolve(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                HotFunction function = Functions.supported(only.getKey().toString());
                if (function != null) {
                    return function.evaluate(only.getValue(), this);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> resolved.put(key.toString(), resolve(value)));
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(item -> resolved.add(resolve(item)));
            return resolved;
        }
        return node;
    }

    /** Evaluates a condition expression: a boolean, a condition's name, or equals/not/and/or/contains. */
    public boolean condition(Object expression) {
        return Conditions.evaluate(expression, this);
    }
}
