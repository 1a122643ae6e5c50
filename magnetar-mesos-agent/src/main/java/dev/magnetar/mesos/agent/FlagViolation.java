package dev.magnetar.mesos.agent;

/**
 * One broken rule of the Mesos agent flags: which flag, the offending value and the rule, so a
 * driver can answer a 400 that tells the user what to change without reading Mesos' source.
 *
 * @param flag  the agent flag as Mesos names it, e.g. {@code isolation}
 * @param value the offending value (one list item where a single item is at fault)
 * @param rule  what Mesos 1.11 requires, as a sentence fragment
 */
public record FlagViolation(String flag, String value, String rule) {

    public String message() {
        return "flag '" + flag + "' value '" + value + "': " + rule;
    }

    @Override
    public String toString() {
        return message();
    }
}
