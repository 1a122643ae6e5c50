package dev.magnetar.driver.mesos;

import dev.magnetar.core.port.StackSpec;

import java.util.Map;

/**
 * The golden cases' stacks for tests outside this module (this module's test jar): magnetar-server's
 * GoldenStacksValidateIT sends each to the real Heat's template validation. Only the rendered stacks
 * are public; the cases themselves stay this module's.
 */
public final class GoldenStacks {

    private GoldenStacks() {
    }

    /** Each golden case's stack as the driver renders it, by case name, in the cases' order. */
    public static Map<String, StackSpec> all() {
        return GoldenCases.specs();
    }
}
