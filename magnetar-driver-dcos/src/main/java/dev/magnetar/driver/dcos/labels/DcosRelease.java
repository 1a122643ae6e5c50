package dev.magnetar.driver.dcos.labels;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DC/OS release number ({@code 2.1.3}), and the moves between releases DC/OS's upgrade supports:
 * a later patch of the same minor release, or any patch of the next minor release; never a downgrade,
 * never a skipped minor release (docs/reference/dcos-facts.md#upgrades).
 */
public record DcosRelease(int major, int minor, int patch) implements Comparable<DcosRelease> {

    /** The minor releases this driver installs, in release order (DC/OS ended with 2.2). */
    static final List<String> MINORS = List.of("2.0", "2.1", "2.2");
    /** The label's pattern: a release of one of {@link #MINORS}. */
    static final String PATTERN = "2\\.[0-2]\\.[0-9]{1,3}";

    private static final Pattern LEADING = Pattern.compile("^v?(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:[-+~.].*)?$");

    /** The release a version text names (DC/OS also reports {@code 2.2.1-dev}); empty if it names none. */
    public static Optional<DcosRelease> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LEADING.matcher(text.trim());
        return m.matches() ? Optional.of(new DcosRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))) : Optional.empty();
    }

    /** A release of one of the minor releases this driver installs (not some other version text). */
    public boolean isKnown() {
        return MINORS.contains(minorRelease());
    }

    static String inWords() {
        return MINORS.get(0) + ".0 to " + MINORS.get(MINORS.size() - 1) + ".x";
    }

    /** The minor release, e.g. {@code 2.1}. */
    public String minorRelease() {
        return major + "." + minor;
    }

    /**
     * Why DC/OS cannot upgrade from this release to {@code target}, or empty when it can.
     */
    public Optional<String> refusesUpgradeTo(DcosRelease target) {
        int order = compareTo(target);
        if (order == 0) {
            return Optional.of("the cluster already runs DC/OS " + this + "; an upgrade needs a later release");
        }
        if (order > 0) {
            return Optional.of("DC/OS " + target + " is older than the installed " + this
                    + ", and DC/OS has no downgrade");
        }
        if (target.minorRelease().equals(minorRelease())) {
            return Optional.empty();
        }
        int from = MINORS.indexOf(minorRelease());
        int to = MINORS.indexOf(target.minorRelease());
        if (from < 0 || to < 0) {
            return Optional.of("this driver upgrades between DC/OS " + String.join(", ", MINORS) + " only");
        }
        if (to != from + 1) {
            return Optional.of("DC/OS upgrades one minor release at a time: from " + this + " the next is a "
                    + MINORS.get(from + 1) + ".x release, so upgrade to that first");
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(DcosRelease o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        return minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
