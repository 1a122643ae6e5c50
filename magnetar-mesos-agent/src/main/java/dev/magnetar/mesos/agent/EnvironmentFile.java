package dev.magnetar.mesos.agent;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code KEY='value'} lines that bash ({@code set -a; . file}) and systemd's
 * {@code EnvironmentFile=} both read back as exactly the value: every value is single-quoted with
 * embedded quotes written as {@code '\''}, so no {@code $}, backtick or space is interpreted.
 * Line breaks are refused rather than escaped: the two readers disagree on them.
 */
public final class EnvironmentFile {

    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private EnvironmentFile() {
    }

    public static String render(String header, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        if (header != null && !header.isEmpty()) {
            header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        }
        variables.forEach((name, value) -> out.append(line(name, value)).append('\n'));
        return out.toString();
    }

    public static String line(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an environment variable name: " + name);
        }
        return name + "=" + quote(value);
    }

    /** A single shell word that means exactly {@code value}. */
    public static String quote(String value) {
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("line breaks and NUL cannot be written to an environment file");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
