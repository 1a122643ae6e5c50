package dev.magnetar.core.error;

/**
 * The kinds of refusal the service gives, each with the HTTP status Magnum uses for it (openstack/magnum {@code
 * magnum/api/middleware/parsable_error.py}). Adapters translate; core only names the kind.
 */
public enum ErrorKind {
    INVALID(400),
    NOT_AUTHENTICATED(401),
    NOT_AUTHORIZED(403),
    NOT_FOUND(404),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
