package dev.magnetar.driver.kit.labels;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The labels reference of a driver guide, generated from its schema so the guide cannot drift
 * from what the driver enforces: one table per landing, then the refused keys with the reason.
 */
public final class LabelReferenceTables {

    private LabelReferenceTables() {
    }

    /**
     * @param sections the landings to document, in the guide's order; a landing with no label is left out
     */
    public static String markdown(LabelSchema schema, List<? extends LabelLanding> sections) {
        StringBuilder out = new StringBuilder();
        for (LabelLanding landing : sections) {
            List<LabelSpec> specs = landingOf(schema, landing);
            if (specs.isEmpty()) {
                continue;
            }
            out.append("\n### Labels that land as ").append(landing.description()).append("\n\n");
            out.append("| label | type | allowed | default | lands as | rule |\n");
            out.append("| --- | --- | --- | --- | --- | --- |\n");
            for (LabelSpec spec : specs) {
                String name = "`" + spec.name() + "`" + (spec.aliases().isEmpty() ? ""
                        : " (alias " + spec.aliases().stream().map(a -> "`" + a + "`")
                        .collect(Collectors.joining(", ")) + ")");
                out.append("| ").append(name).append(" | ").append(cell(spec.type().name())).append(" | ")
                        .append(cell(spec.allowed())).append(" | ")
                        .append(spec.defaultValue() == null ? "(not written)" : "`" + spec.defaultValue() + "`")
                        .append(" | `").append(spec.target()).append("` | ").append(cell(spec.rule())).append(" |\n");
            }
        }
        out.append("\n### Refused keys\n\n| label | why |\n| --- | --- |\n");
        for (LabelSpec spec : schema.labels()) {
            if (spec.rejected()) {
                out.append("| `").append(spec.name()).append("` | ").append(cell(spec.rule())).append(" |\n");
            }
        }
        out.append("\nAny other label is refused as unknown.\n");
        return out.toString();
    }

    private static List<LabelSpec> landingOf(LabelSchema schema, LabelLanding landing) {
        return schema.labels().stream().filter(spec -> spec.landing() == landing).toList();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
