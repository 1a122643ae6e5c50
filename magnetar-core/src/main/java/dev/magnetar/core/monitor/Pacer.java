package dev.magnetar.core.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a moment of the monitor's clock; tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Pacer {

    void sleepUntil(Instant when) throws InterruptedException;

    /** Sleeps the calling thread until {@code clock} reads {@code when}. */
    static Pacer sleeping(Clock clock) {
        return when -> {
            Duration left = Duration.between(clock.instant(), when);
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(left);
            }
        };
    }
}
