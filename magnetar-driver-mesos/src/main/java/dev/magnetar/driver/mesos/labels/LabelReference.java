package dev.magnetar.driver.mesos.labels;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        StringBuilder out = new StringBuilder();
        Map<Landing, List<LabelSpec>> byLanding = MesosLabelSchema.LABELS.stream()
                .collect(Collectors.groupingBy(LabelSpec::landing, () -> new EnumMap<>(Landing.class),
                        Collectors.toList()));
        for (Landing landing : Landing.values()) {
            if (landing == Landing.REJECTED || !byLanding.containsKey(landing)) {
                continue;
            }
            out.append("\n### Labels that land as ").append(landing.description()).append("\n\n");
            out.append("| label | type | allowed | default | lands as | rule |\n");
            out.append("| --- | --- | --- | --- | --- | --- |\n");
            for (LabelSpec spec : byLanding.get(landing)) {
                String name = "`" + spec.name() + "`" + (spec.aliases().isEmpty() ? ""
                        : " (alias " + spec.aliases().stream().map(a -> "`" + a + "`")
                        .collect(Collectors.joining(", ")) + ")");
                out.append("| ").append(name).append(" | ").append(cell(spec.type())).append(" | ")
                        .append(cell(spec.allowed())).append(" | ")
                        .append(spec.defaultValue() == null ? "(not written)" : "`" + spec.defaultValue() + "`")
                        .append(" | `").append(spec.target()).append("` | ").append(cell(spec.rule())).append(" |\n");
            }
        }
        out.append("\n### Refused keys\n\n| label | why |\n| --- | --- |\n");
        for (LabelSpec spec : byLanding.getOrDefault(Landing.REJECTED, List.of())) {
            out.append("| `").append(spec.name()).append("` | ").append(cell(spec.rule())).append(" |\n");
        }
        out.append("\nAny other label is refused as unknown.\n");
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    public static void main(String[] args) {
        System.out.print(BEGIN + "\n" + markdown() + END + "\n");
    }
}
