package dev.magnetar.core.error;

/**
 * A refusal with a message meant for the API caller: it names the field and what is allowed.
 * Use the factory methods so each kind reads as Magnum's exception of the same name would.
 */
public class MagnetarException extends RuntimeException {

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
