package dev.magnetar.sim.hot;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The condition functions ({@code equals}, {@code not}, {@code and}, {@code or}, {@code contains}). */
final class Conditions {

    private Conditions() {
    }

    static boolean evaluate(Object expression, Evaluator evaluator) {
        if (expression == null) {
            return true;
        }
        if (expression instanceof Boolean b) {
            return b;
        }
        if (expression instanceof String name) {
            return evaluator.scope().condition(name);
        }
        if (expression instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            Object args = only.getValue();
            return switch (only.getKey().toString()) {
                case "equals" -> {
                    List<Object> pair = Values.list(args);
                    yield pair.size() == 2 && same(evaluator.resolve(pair.get(0)), evaluator.resolve(pair.get(1)));
                }
                case "not" -> !evaluate(args, evaluator);
                case "and" -> Values.list(args).stream().allMatch(e -> evaluate(e, evaluator));
                case "or" -> Values.list(args).stream().anyMatch(e -> evaluate(e, evaluator));
                case "contains" -> {
                    List<Object> pair = Values.list(args);
                    Object needle = evaluator.resolve(pair.get(0));
                    yield Values.list(evaluator.resolve(pair.get(1))).stream().anyMatch(item -> same(needle, item));
                }
                case "get_param" -> Boolean.TRUE.equals(ParameterType.BOOLEAN.coerce(evaluator.resolve(expression)));
                default -> throw new HotException("Unknown condition function '" + only.getKey() + "'");
            };
        }
        throw new HotException("Invalid condition " + expression);
    }

    static void check(Object expression, Checker checker, String where) {
        if (expression == null || expression instanceof Boolean) {
            return;
        }
        if (expression instanceof String name) {
            if (!checker.hasCondition(name)) {
                checker.problem(where, "condition '" + name + "' is not declared in conditions");
            }
            return;
        }
        if (expression instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            Object args = only.getValue();
            switch (only.getKey().toString()) {
                case "equals", "contains" -> {
                    if (!(args instanceof List<?> pair) || pair.size() != 2) {
                        checker.problem(where, only.getKey() + " takes a list of two values");
                    } else {
                        checker.walk(args, where);
                    }
                }
                case "not" -> check(args, checker, where);
                case "and", "or" -> {
                    if (!(args instanceof List<?> list) || list.size() < 2) {
                        checker.problem(where, only.getKey() + " takes a list of at least two conditions");
                    } else {
                        list.forEach(e -> check(e, checker, where));
                    }
                }
                case "get_param" -> checker.walk(expression, where);
                default -> checker.problem(where, "unknown condition function '" + only.getKey() + "'");
            }
            return;
        }
        checker.problem(where, "invalid condition " + expression);
    }

    /** Heat's equality, except that 2 and 2.0 are the same number. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
