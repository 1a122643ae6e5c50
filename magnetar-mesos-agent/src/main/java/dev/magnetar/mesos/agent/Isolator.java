package dev.magnetar.mesos.agent;

import java.util.Set;

/**
 * One entry of Mesos 1.11's isolator table: its name as {@code --isolation} spells it, its family
 * (which decides the "exactly one" rules) and what it needs from the rest of the agent's flags.
 *
 * @param note a caveat shown to operators (build options, host support), or empty
 */
public record Isolator(String name, Family family, Set<Requirement> requires, String note) {

    public Isolator {
        requires = Set.copyOf(requires);
    }

    /** Families that cross-flag rules count or test for. */
    public enum Family {
        FILESYSTEM, RUNTIME, CGROUPS, IMAGE_RUNTIME, LINUX, NAMESPACE, VOLUME, DISK, GPU,
        /** Network isolators proper; at most one may be active on Linux. */
        NETWORK,
        /** {@code network/ports}: a network isolator that does not count towards the one-network rule. */
        NETWORK_PORTS,
        SECRET,
        /** Windows-only isolators, useless on the Linux agents Magnetar builds. */
        WINDOWS,
        /** Isolators loaded from a module with {@code --modules}. */
        MODULE
    }

    /** What an isolator needs elsewhere in the agent configuration (Mesos 1.11 {@code create()} checks). */
    public enum Requirement {
        LINUX_LAUNCHER("the linux launcher (--launcher=linux)"),
        FILESYSTEM_LINUX("the filesystem/linux isolator"),
        CGROUPS_DEVICES("the cgroups/devices or cgroups/all isolator");

        private final String description;

        Requirement(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public boolean isFilesystem() {
        return family == Family.FILESYSTEM;
    }
}
