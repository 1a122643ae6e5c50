package dev.magnetar.driver.kit.labels;

/**
 * The landings a driver lists, as values: one per place a label's value can end up, and the one
 * every driver shares for the keys it names only to refuse.
 */
public final class Landings {

    /** The landing of refused keys, described as the guide says it. */
    public static final LabelLanding REJECTED = new Place("rejected", true);

    private Landings() {
    }

    /** A landing where accepted labels end up, described in the guide's words. */
    public static LabelLanding to(String description) {
        return new Place(description, false);
    }

    private record Place(String description, boolean refuses) implements LabelLanding {
    }
}
