package dev.magnetar.sim.hot;

import java.util.List;

/**
 * What intrinsic functions can see while a template is evaluated: its parameters, its resources'
 * ids and attributes, the files map and its conditions.
 */
public interface Scope {

    /** The parameter's value (pseudo-parameters such as {@code OS::stack_name} included). */
    Object parameter(String name);

    /** The physical id {@code get_resource} yields; null for a resource whose condition is false. */
    Object resourceId(String resource);

    /**
     * What {@code get_attr} yields.
     *
     * @param arguments the attribute name followed by any path into it, already evaluated
     */
    Object attribute(String resource, List<Object> arguments);

    /** The file's content from the files map. */
    String file(String name);

    /** The value of a named condition from the template's {@code conditions}. */
    boolean condition(String name);
}
