package dev.magnetar.driver.dcos.upgrade;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The stack parameters of one upgrade. The templates turn them into each node's server metadata, which
 * the node's upgrade watcher reads from the metadata service, and into one wait condition per node in
 * the slot of this upgrade ({@code a} or {@code b}, alternating: the previous upgrade's wait conditions
 * are deleted and this one's created, so every upgrade waits for fresh signals without a second stack
 * update).
 *
 * @param release     the DC/OS release to reach
 * @param installed   the release the nodes run now, for {@code --generate-node-upgrade-script}
 * @param installer   the new release's {@code dcos_generate_config.sh}
 * @param batchSize   agents upgraded at once (masters always one at a time)
 * @param slot        {@code a} or {@code b}
 */
public record UpgradePlan(String release, String installed, String installer, int batchSize, String slot) {

    /** Nova keeps metadata values of at most 255 characters. */
    public static final int MAX_METADATA_VALUE = 255;
    public static final String RELEASE = "upgrade_release";
    public static final String SLOT = "upgrade_slot";

    public UpgradePlan {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(installed, "installed");
        Objects.requireNonNull(installer, "installer");
        if (!slot.equals("a") && !slot.equals("b")) {
            throw new IllegalArgumentException("slot must be a or b: " + slot);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
    }

    /** The slot after the one a stack has now ({@code a} for a stack never upgraded). */
    public static String nextSlot(Object current) {
        return "a".equals(current == null ? "" : current.toString()) ? "b" : "a";
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(RELEASE, release);
        p.put("upgrade_from", installed);
        p.put("upgrade_installer_url", installer);
        p.put("upgrade_batch_size", batchSize);
        p.put(SLOT, slot);
        return p;
    }
}
