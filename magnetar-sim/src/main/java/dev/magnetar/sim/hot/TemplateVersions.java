package dev.magnetar.sim.hot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code heat_template_version}s the simulator understands: the releases from Newton to
 * Wallaby, by date or by release name. Older versions lack {@code conditions}, {@code if} and
 * {@code repeat}, which our drivers rely on, so they are refused rather than half-supported.
 */
public final class TemplateVersions {

    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("newton", "2016-10-14");
        BY_NAME.put("ocata", "2017-02-24");
        BY_NAME.put("pike", "2017-09-01");
        BY_NAME.put("queens", "2018-03-02");
        BY_NAME.put("rocky", "2018-08-31");
        BY_NAME.put("wallaby", "2021-04-16");
    }

    private TemplateVersions() {
    }

    /** The version's date, e.g. {@code 2018-08-31} for {@code rocky}; a {@link HotException} otherwise. */
    public static String canonical(Object version) {
        if (version == null) {
            throw new HotException("Template is missing heat_template_version");
        }
        String text = Values.string(version).trim();
        if (BY_NAME.containsKey(text)) {
            return BY_NAME.get(text);
        }
        if (BY_NAME.containsValue(text)) {
            return text;
        }
        throw new HotException("Unsupported heat_template_version '" + text + "'; the simulator accepts "
                + String.join(", ", BY_NAME.values()) + " or " + String.join(", ", BY_NAME.keySet()));
    }
}
