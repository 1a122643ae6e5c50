package dev.magnetar.sim.hot;

/**
 * One intrinsic function: how it evaluates, and what the linter checks about its arguments. Both
 * live together so the linter and the interpreter cannot drift apart.
 */
interface HotFunction {

    Object evaluate(Object arguments, Evaluator evaluator);

    /** Checks references and shape; by default, just the functions nested in the arguments. */
    default void check(Object arguments, Checker checker, String where) {
        checker.walk(arguments, where);
    }
}
