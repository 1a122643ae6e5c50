package dev.magnetar.server.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What values an option takes, as {@code serve} checks them at start and the configuration reference
 * shows them. A check accepts exactly what the option's reader accepts, so checking first changes no
 * working configuration: it only moves a refusal to the start, with the key, the value and what is allowed.
 */
public record OptionType(String allowed, Predicate<String> accepts) {

    /** Any text, the empty text included. */
    public static final OptionType TEXT = new OptionType("any text", value -> true);

    /** {@code true} or {@code false}, in any case. */
    public static final OptionType FLAG = new OptionType("true or false", OptionType::isFlag);

    public static OptionType wholeNumber(int min, int max) {
        String range = max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        return new OptionType("a whole number " + range, value -> {
            try {
                int number = Integer.parseInt(value.strip());
                return number >= min && number <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        });
    }

    public static OptionType atLeast(int min) {
        return wholeNumber(min, Integer.MAX_VALUE);
    }

    /** One of the given words, exactly as written. */
    public static OptionType oneOf(String... choices) {
        List<String> allowed = List.of(choices);
        return new OptionType("one of " + String.join(", ", allowed), allowed::contains);
    }

    /** The given word exactly, or {@code true} or {@code false} in any case. */
    public static OptionType flagOr(String word) {
        return new OptionType(word + ", true or false", value -> value.equals(word) || isFlag(value));
    }

    private static boolean isFlag(String value) {
        String flag = value.strip().toLowerCase(Locale.ROOT);
        return flag.equals("true") || flag.equals("false");
    }
}
