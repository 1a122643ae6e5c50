package dev.magnetar.driver.dcos.labels;

import java.util.List;
import java.util.stream.Collectors;

/**
 * DC/OS's rule for the number of masters: a ZooKeeper quorum of 1, 3, 5, 7 or 9, fixed at install
 * (DC/OS 2.2 gen's {@code validate_num_masters}). The request check and the rendered config's check take it from here; a test keeps the Heat
 * template's {@code number_of_masters} constraint in step.
 */
public final class MasterCounts {

    public static final List<Integer> ALLOWED = List.of(1, 3, 5, 7, 9);

    private MasterCounts() {
    }

    public static boolean allowed(int count) {
        return ALLOWED.contains(count);
    }

    /** "1, 3, 5, 7 or 9". */
    public static String inWords() {
        return listed(ALLOWED.subList(0, ALLOWED.size() - 1)) + " or " + ALLOWED.getLast();
    }

    /** "1, 3, 5, 7, 9". */
    public static String listed() {
        return listed(ALLOWED);
    }

    private static String listed(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
