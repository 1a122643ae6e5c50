package dev.magnetar.driver.kit.labels;

import java.util.Optional;

/** Judges one label value on its own; answers the rule the value breaks, or empty when it is fine. */
@FunctionalInterface
public interface ValueCheck {

    Optional<String> problem(String value);

    ValueCheck ANY = value -> Optional.empty();
}
