package dev.magnetar.sim;

import dev.magnetar.sim.hot.HotException;
import dev.magnetar.sim.hot.ParameterType;

import java.time.Duration;
import java.util.Map;

/**
 * A ResourceGroup's {@code update_policy: {rolling_update: {max_batch_size, pause_time}}}, resolved: how many
 * members an update changes at once and how long it waits between batches (Heat's defaults: a batch of 1,
 * no pause). {@code min_in_service} is not simulated.
 */
record RollingUpdate(int maxBatchSize, Duration pause) {

    /** The group's rolling update, or null when its update_policy has none. */
    static RollingUpdate of(Object updatePolicy, String path) {
        if (!(updatePolicy instanceof Map<?, ?> policy) || !(policy.get("rolling_update") instanceof Map<?, ?> rolling)) {
            return null;
        }
        int batch = number(rolling.get("max_batch_size"), 1, path);
        if (batch < 1) {
            throw new HotException("ResourceGroup " + path + ": rolling_update max_batch_size must be at least 1, not "
                    + batch);
        }
        int pause = number(rolling.get("pause_time"), 0, path);
        return new RollingUpdate(batch, Duration.ofSeconds(Math.max(0, pause)));
    }

    private static int number(Object value, int otherwise, String path) {
        if (value == null) {
            return otherwise;
        }
        try {
            return ((Number) ParameterType.NUMBER.coerce(value)).intValue();
        } catch (RuntimeException e) {
            throw new HotException("ResourceGroup " + path + ": rolling_update values must be numbers, not " + value);
        }
    }
}
