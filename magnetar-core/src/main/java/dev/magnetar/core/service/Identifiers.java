package dev.magnetar.core.service;

import java.util.UUID;
import java.util.regex.Pattern;

/** Magnum looks a resource up by uuid when the identifier looks like one, otherwise by name. */
public final class Identifiers {

    private static final Pattern UUID_LIKE =
            Pattern.compile("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

    private Identifiers() {
    }

    public static boolean looksLikeUuid(String ident) {
        return ident != null && UUID_LIKE.matcher(ident).matches();
    }

    /** The canonical (lower-case, dashed) form of a uuid-like identifier. */
    public static String canonicalUuid(String ident) {
        String hex = ident.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")).toString();
    }

    public static String newUuid() {
        return UUID.randomUUID().toString();
    }
}
