package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.LabelReferenceTables;

import java.util.List;

/**
 * The labels reference of the driver guide, generated from {@link DcosLabelSchema} so the guide
 * cannot drift from what the driver enforces. {@code main} prints it; a test keeps the checked-in
 * guide in step.
 */
public final class LabelReference {

    public static final String BEGIN = "<!-- BEGIN GENERATED LABELS: run LabelReference or the docs test to refresh -->";
    public static final String END = "<!-- END GENERATED LABELS -->";

    private LabelReference() {
    }

    public static String markdown() {
        return LabelReferenceTables.markdown(DcosLabelSchema.SCHEMA,
                List.of(Landing.AGENT_FLAG, Landing.CONFIG_YAML, Landing.HEAT_PARAMETER,
                Landing.PACKAGE_REPOSITORY));
    }

    public static void main(String[] args) {
        System.out.print(BEGIN + "\n" + markdown() + END + "\n");
    }
}
