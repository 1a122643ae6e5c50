package dev.magnetar.driver.kit.labels;

import java.util.List;

/**
 * The labels that passed their own checks, and the violations found reading the others, as
 * "label 'x' value 'y': rule" sentences.
 */
public record LabelReading(Labels labels, List<String> violations) {

    public LabelReading {
        violations = List.copyOf(violations);
    }
}
