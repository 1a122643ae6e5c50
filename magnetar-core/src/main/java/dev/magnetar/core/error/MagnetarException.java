package dev.magnetar.core.error;

import java.util.List;

/**
 * A refusal with a message meant for the API caller: it names the field and what is allowed.
 * Use the factory methods so each kind reads as Magnum's exception of the same name would.
 */
public class MagnetarException extends RuntimeException {

    /**
     * How many violations one refusal lists; the rest are counted, so a request breaking thousands
     * of rules gets an answer of bounded size.
     */
    public static final int LISTED_VIOLATIONS = 20;

    private final ErrorKind kind;

    public MagnetarException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MagnetarException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static MagnetarException invalid(String message) {
        return new MagnetarException(ErrorKind.INVALID, message);
    }

    /**
     * A 400 for every rule a request broke, in the order found, joined by "; ": the first
     * {@value #LISTED_VIOLATIONS}, then how many more were not listed.
     */
    public static MagnetarException invalid(List<String> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one violation");
        }
        if (violations.size() <= LISTED_VIOLATIONS) {
            return invalid(String.join("; ", violations));
        }
        return invalid(String.join("; ", violations.subList(0, LISTED_VIOLATIONS)) + "; and "
                + (violations.size() - LISTED_VIOLATIONS) + " more violations not listed (" + violations.size()
                + " in all)");
    }

    public static MagnetarException notFound(String message) {
        return new MagnetarException(ErrorKind.NOT_FOUND, message);
    }

    public static MagnetarException conflict(String message) {
        return new MagnetarException(ErrorKind.CONFLICT, message);
    }

    public static MagnetarException forbidden(String message) {
        return new MagnetarException(ErrorKind.NOT_AUTHORIZED, message);
    }

    public static MagnetarException unavailable(String message) {
        return new MagnetarException(ErrorKind.UNAVAILABLE, message);
    }
}
