package dev.magnetar.driver.kit.labels;

/**
 * Where a label's value ends up on a cluster. Each driver lists its own landings (an enum of
 * config keys, flag files, Heat parameters); the kit only needs their words for the guide and to
 * know which one stands for "refused".
 */
public interface LabelLanding {

    /** The landing in the guide's words, e.g. "Heat parameter". */
    String description();

    /** True for the landing of keys the driver names only to refuse them, with the reason. */
    boolean refuses();
}
