package dev.magnetar.driver.mesos.labels;

import dev.magnetar.driver.kit.labels.LabelReferenceTables;

/**
 * The labels reference of the Mesos driver guide, generated from {@link MesosLabelSchema} so the
 * guide cannot drift from what the driver enforces. {@code main} prints it; a test keeps the
 * checked-in guide in step.
 */
public final class LabelReference {

    public static final String BEGIN = "<!-- BEGIN GENERATED MESOS LABELS: run the driver-mesos docs test to refresh -->";
    public static final String END = "<!-- END GENERATED MESOS LABELS -->";

    private LabelReference() {
    }

    public static String markdown() {
        return LabelReferenceTables.markdown(MesosLabelSchema.SCHEMA, Landing.ACCEPTED);
    }

    public static void main(String[] args) {
        System.out.print(BEGIN + "\n" + markdown() + END + "\n");
    }
}
