package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.dcos.labels.PackageRepositories.Repository;
import dev.magnetar.driver.kit.labels.LabelReading;
import dev.magnetar.driver.kit.labels.Labels;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's (or template's) labels read once against {@link DcosLabelSchema}, with what the
 * driver derives from them: validation, rendering, the monitor account decision and the monitor
 * all read this one value (the driver keeps it per label set in a
 * {@link dev.magnetar.driver.kit.labels.ParsedLabels}).
 *
 * @param labels     the labels that passed their own checks, under their canonical names
 * @param violations the labels that did not, as "label 'x' value 'y': rule" sentences
 * @param agentFlags DC/OS's agent flags with the agent-flag labels applied, and their violations
 */
public record DcosLabels(Labels labels, List<String> violations, DcosAgentFlags agentFlags) {

    public DcosLabels {
        violations = List.copyOf(violations);
    }

    public static DcosLabels read(Map<String, String> raw) {
        LabelReading reading = DcosLabelSchema.read(raw);
        return new DcosLabels(reading.labels(), reading.violations(), DcosAgentFlags.from(reading.labels()));
    }

    /** Admin Router requires a login: the cluster is installed with the monitoring account. */
    public boolean oauthEnabled() {
        return labels.flag("oauth_enabled");
    }

    /** What Cosmos should list, or empty when DC/OS keeps its own list. */
    public Optional<List<Repository>> packageRepositories() {
        return PackageRepositories.wanted(labels);
    }
}
